package org.melodist.studio.pianoroll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.studio.document.SongDocument;

/**
 * Frame time of the piano roll with a 20,000-note song: the time to issue one full repaint (all layers)
 * while scrolling at normal zoom and fully zoomed out, and the time to rasterise a frame (snapshot).
 * Needs a display (Xvfb) or headless Monocle:
 * {@code java -cp "target/melodist.jar:target/lib/*" org.melodist.studio.pianoroll.PianoRollBenchmark [notes]}.
 */
public final class PianoRollBenchmark {

    private PianoRollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Song song = song(count);
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                result.complete(run(song));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        System.out.println(result.get(10, TimeUnit.MINUTES));
        Platform.exit();
    }

    /** A lead track with {@code count * 3/4} notes and a ghost track with the rest, over ~{@code count/8} bars. */
    static Song song(int count) {
        Random rnd = new Random(42);
        List<Note> lead = new ArrayList<>();
        List<Note> bass = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = i * 120L;
            if (i % 4 == 3) bass.add(new Note(36 + rnd.nextInt(24), 80, start, 480));
            else lead.add(new Note(55 + rnd.nextInt(30), 40 + rnd.nextInt(80), start, 60 + rnd.nextInt(400)));
        }
        return Song.of(480, 120, List.of(Track.of("Lead", 0, 0, lead), Track.of("Bass", 1, 32, bass)));
    }

    private static String run(Song song) {
        PianoRollViewModel vm = new PianoRollViewModel(new SongDocument(song));
        vm.selectOnly(song.track(0).notes().subList(0, 2000));
        PianoRollView view = new PianoRollView(vm);
        Stage stage = new Stage();
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
        view.applyCss();
        view.layout();
        view.scrollToContent();
        PianoRollGeometry g = view.geometry();
        int notes = song.tracks().stream().mapToInt(t -> t.notes().size()).sum();

        double[] normal = scroll(view, g, 400);
        WritableImage image = new WritableImage(1280, 720);
        double[] raster = new double[30];
        for (int i = 0; i < raster.length; i++) {
            g.setScrollTick(g.scrollTick() + 240);
            long t0 = System.nanoTime();
            view.repaintNow();
            view.snapshot(null, image);
            raster[i] = (System.nanoTime() - t0) / 1e6;
        }
        g.zoomX(1e-9, 0);
        g.setScrollTick(0);
        double[] zoomedOut = scroll(view, g, 60);
        stage.close();
        return String.format(Locale.ROOT, "piano roll, %d notes (%d visible zoomed out), 1280x720:%n"
                        + "  repaint, normal zoom, scrolling : median %.3f ms, p95 %.3f ms%n"
                        + "  repaint + rasterise (snapshot)  : median %.2f ms, p95 %.2f ms%n"
                        + "  repaint, zoomed fully out       : median %.2f ms, p95 %.2f ms",
                notes, visible(song, g, view), median(normal), p95(normal), median(raster), p95(raster),
                median(zoomedOut), p95(zoomedOut));
    }

    private static double[] scroll(PianoRollView view, PianoRollGeometry g, int frames) {
        for (int i = 0; i < 20; i++) view.repaintNow(); // warm-up
        double[] ms = new double[frames];
        for (int i = 0; i < frames; i++) {
            g.setScrollTick(g.scrollTick() + 60);
            long t0 = System.nanoTime();
            view.repaintNow();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static int visible(Song song, PianoRollGeometry g, PianoRollView view) {
        long[] vis = g.visibleTicks(view.notesArea().getWidth());
        int n = 0;
        for (Track t : song.tracks()) {
            for (Note note : t.notes()) if (note.end() >= vis[0] && note.start() <= vis[1]) n++;
        }
        return n;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double p95(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.round(s.length * 0.95))];
    }
}

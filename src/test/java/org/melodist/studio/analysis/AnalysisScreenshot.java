package org.melodist.studio.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.melodist.SharedData;
import org.melodist.analysis.SyntheticMusic;
import org.melodist.studio.ScreenshotSupport;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioWindow;

/**
 * Makes the README's screenshot of the analysis tab from the real studio window: analyses real recordings
 * (by default the two of {@code shared/data/librosa-ref}) and writes a snapshot of the window. Run under a
 * display (Xvfb): {@code java -cp ... org.melodist.studio.analysis.AnalysisScreenshot [--out PNG]
 * [--long SECONDS] [FILE...]}. {@code --long} adds a synthetic recording of that length and reports how long
 * its analysis and its charts take, the figure behind "charts stay responsive for a 10-minute file".
 */
public final class AnalysisScreenshot {

    private AnalysisScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("assets/screenshots/studio-analysis.png");
        double longSeconds = 0;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--long" -> longSeconds = Double.parseDouble(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            Path ref = SharedData.data("librosa-ref").orElseThrow(() -> new IllegalStateException(SharedData.missingReason("librosa-ref")));
            files.add(ref.resolve("cbsu_music_menu.wav"));
            files.add(ref.resolve("loop_tabla.wav"));
        }
        Path userData = Files.createTempDirectory("melodist-shot");
        if (longSeconds > 0) {
            files.add(SyntheticMusic.writeWav(userData.resolve(String.format(Locale.ROOT, "synthetic-%.0fs.wav", longSeconds)),
                    longSeconds, 44_100, 124, 1));
        }
        Platform.startup(() -> { });
        CompletableFuture<AnalysisView> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            StudioWindow window = new StudioWindow(stage, StudioComposition.forApp(userData));
            stage.setWidth(1500);
            stage.setHeight(940);
            stage.show();
            window.tabs().getSelectionModel().select(1);
            shown.complete((AnalysisView) stage.getScene().lookup("#analysis-view"));
        });
        AnalysisView view = shown.get(30, TimeUnit.SECONDS);
        AnalysisViewModel vm = view.viewModel();
        onFx(() -> vm.add(files));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (onFx(() -> vm.busyProperty().get() || vm.items().stream().anyMatch(i -> !i.state().isFinished()))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("analysis did not finish in 10 minutes");
            Thread.sleep(100);
        }
        for (AnalysisItem item : vm.items()) {
            AnalysisResult r = item.result();
            if (r == null) {
                System.out.printf(Locale.ROOT, "%-28s %s: %s%n", item.fileName(), item.state(), item.detail());
                continue;
            }
            double seconds = r.elapsedMillis() / 1000.0;
            onFx(() -> {
                vm.selectedProperty().set(item);
                return null;
            });
            long paint = paintMillis(view);
            long resize = resizeMillis(view);
            System.out.printf(Locale.ROOT, "%-28s %6.1f s audio, analysed in %5.2f s (%.0fx real time); charts built in %d ms,"
                            + " first layout and paint %d ms, repaint after a resize %d ms%n", item.fileName(),
                    r.analysis().durationSec(), seconds, r.analysis().durationSec() / seconds, view.lastChartMillis(), paint,
                    resize);
        }
        // the screenshot shows the last real recording given (not the synthetic one)
        int shownIndex = files.size() - (longSeconds > 0 ? 2 : 1);
        onFx(() -> {
            vm.selectedProperty().set(vm.items().get(shownIndex));
            return null;
        });
        paintMillis(view);
        Thread.sleep(300);
        Path target = out;
        onFx(() -> {
            ScreenshotSupport.writeSnapshot(view.getScene().getRoot(), target);
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    /** Lays out and snapshots the tab once (what showing it costs), in milliseconds. */
    private static long paintMillis(AnalysisView view) throws Exception {
        return onFx(() -> {
            long t0 = System.nanoTime();
            view.applyCss();
            view.layout();
            view.snapshot(null, null);
            return (System.nanoTime() - t0) / 1_000_000;
        });
    }

    /** Narrows the window by 100 px, which redraws every chart, and snapshots the tab; median of 6, in ms. */
    private static long resizeMillis(AnalysisView view) throws Exception {
        long[] times = new long[6]; // even: the window ends at its first width
        for (int i = 0; i < times.length; i++) {
            int k = i;
            times[i] = onFx(() -> {
                javafx.stage.Window w = view.getScene().getWindow();
                long t0 = System.nanoTime();
                w.setWidth(w.getWidth() + (k % 2 == 0 ? -100 : 100));
                view.applyCss();
                view.layout();
                view.snapshot(null, null);
                return (System.nanoTime() - t0) / 1_000_000;
            });
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}

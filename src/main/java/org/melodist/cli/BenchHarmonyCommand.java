package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodist.harmony.BeatGrid;
import org.melodist.harmony.Harmonization;
import org.melodist.harmony.HarmonyModel;
import org.melodist.harmony.HarmonyModels;
import org.melodist.harmony.NeuralHarmonizer;
import org.melodist.harmony.SongHarmony;
import org.melodist.midi.MidiFileReader;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-harmony}: how long harmonising 32 bars and ranking a chord's alternatives take. */
@Command(name = "bench-harmony", mixinStandardHelpOptions = true,
        description = "Harmonisation speed: a melody of --bars bars (the demo jig repeated, or --file) harmonised end to end "
                + "(beat grid, network, Viterbi), and the top-5 alternatives of one chord (as after a click in the chord lane).")
final class BenchHarmonyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE.mid", description = "melody to harmonise (default: assets/demo/demo-jig.mid)")
    Path file;

    @Option(names = "--bars", defaultValue = "32", description = "bars to harmonise (default ${DEFAULT-VALUE})")
    int bars;

    @Option(names = "--time-signature", paramLabel = "N/D",
            description = "re-bar the melody in this metre first, e.g. 4/4 for 128 beats in 32 bars (default: the file's)")
    String timeSignature;

    @Option(names = "--runs", defaultValue = "20", description = "timed runs after warm-up (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped models/harmony)")
    Path model;

    @Override
    public Integer call() throws Exception {
        if (bars < 1 || runs < 1) {
            throw new IllegalArgumentException("--bars and --runs must be at least 1");
        }
        Path source = file != null ? file : Path.of("assets/demo/demo-jig.mid");
        Song read = new MidiFileReader().read(source);
        if (timeSignature != null) {
            read = read.withTimeSignature(org.melodist.song.TimeSignature.parse(timeSignature));
        }
        Song song = repeatedTo(read, bars);
        BeatGrid grid = SongHarmony.grid(song, -1);
        PrintWriter out = spec.commandLine().getOut();
        long loadStart = System.nanoTime();
        try (HarmonyModel m = HarmonyModel.load(HarmonyModels.resolve(model))) {
            double loadMs = (System.nanoTime() - loadStart) / 1e6;
            NeuralHarmonizer h = new NeuralHarmonizer(m);
            for (int i = 0; i < 5; i++) {
                h.harmonize(grid);
            }
            double[] whole = new double[runs];
            double[] gridMs = new double[runs];
            double[] alt = new double[runs];
            double[] clickAll = new double[runs];
            double[] net = new double[runs];
            double[] cpu = new double[runs];
            double[] viterbiCpu = new double[runs];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Harmonization last = null;
            for (int r = 0; r < runs; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                BeatGrid g = SongHarmony.grid(song, -1);
                long t1 = System.nanoTime();
                last = h.harmonize(g);
                long t2 = System.nanoTime();
                cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                int span = r % last.spans().size();
                last.alternatives(span, 5);
                long t3 = System.nanoTime();
                Harmonization again = h.harmonize(g);
                again.alternatives(span, 5);
                long t4 = System.nanoTime();
                double[][] lp = m.logPosteriors(g);
                long t5 = System.nanoTime();
                net[r] = (t5 - t4) / 1e6;
                long c1 = threads.getCurrentThreadCpuTime();
                m.transitions().viterbi(lp, g.changeClass(), 1.0);
                viterbiCpu[r] = (threads.getCurrentThreadCpuTime() - c1) / 1e6;
                gridMs[r] = (t1 - t0) / 1e6;
                whole[r] = (t2 - t0) / 1e6;
                alt[r] = (t3 - t2) / 1e6;
                clickAll[r] = (t4 - t3) / 1e6;
            }
            out.printf(Locale.ROOT, "%s repeated to %d bars (%s, %d beats, %d chords); model %,d parameters, loaded in %.0f ms%n",
                    source.getFileName(), bars, song.timeSignature(), grid.beats(), last.chordSpans().size(), m.parameterCount(), loadMs);
            out.printf(Locale.ROOT, "harmonise %d bars: median %.1f ms, max %.1f ms wall clock, median %.1f ms CPU (beat grid %.2f ms, network %.1f ms wall, Viterbi %.1f ms CPU); target <= 50 ms%n",
                    bars, median(whole), max(whole), median(cpu), median(gridMs), median(net), median(viterbiCpu));
            out.printf(Locale.ROOT, "(wall clock counts time spent waiting for a core: load average now %.1f on %d cores)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "alternatives (top 5 of one chord) from a harmonisation: median %.3f ms, max %.3f ms; target <= 100 ms%n",
                    median(alt), max(alt));
            out.printf(Locale.ROOT, "alternatives with the whole song harmonised again first: median %.1f ms, max %.1f ms%n",
                    median(clickAll), max(clickAll));
        }
        out.flush();
        return 0;
    }

    /** The song's first track with notes, repeated end to end until it fills {@code bars} bars, cut there. */
    static Song repeatedTo(Song song, int bars) {
        Track melody = song.tracks().stream().filter(t -> !t.notes().isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the file has no notes"));
        long barTicks = song.ticksPerBar();
        long length = Math.max(barTicks, (melody.endTick() + barTicks - 1) / barTicks * barTicks);
        long end = bars * barTicks;
        java.util.List<Note> notes = new java.util.ArrayList<>();
        for (long offset = 0; offset < end; offset += length) {
            for (Note n : melody.notes()) {
                long start = n.start() + offset;
                if (start < end) {
                    notes.add(n.withStart(start).withDuration(Math.min(n.duration(), end - start)));
                }
            }
        }
        return song.withTracks(java.util.List.of(melody.withNotes(notes)));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}

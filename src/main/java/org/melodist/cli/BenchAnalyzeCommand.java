package org.melodist.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.melodist.analysis.AnalysisBenchmark;
import org.melodist.analysis.AudioAnalysis;
import org.melodist.analysis.AudioAnalyzer;
import org.melodist.analysis.GenreWindows;
import org.melodist.analysis.SyntheticMusic;
import org.melodist.analysis.genre.GenreClassifier;
import org.melodist.analysis.genre.GenreModelException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-analyze}: analysis speed per stage and peak heap on generated or given files. */
@Command(name = "bench-analyze", mixinStandardHelpOptions = true,
        description = "Benchmark audio analysis (decode + all features + tempo/beats/key + genre) on one thread "
                + "and on several: wall time, process CPU time, multiple of real time, per-stage split and peak heap. Without --file it "
                + "synthesises 44.1 kHz stereo WAV files of 30 s, 3 min and 10 min in a temporary folder.")
final class BenchAnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", paramLabel = "F", description = "analyse this file instead of the generated ones")
    List<Path> files = new ArrayList<>();

    @Option(names = "--seconds", split = ",", defaultValue = "30,180,600",
            description = "lengths of the generated files (default: ${DEFAULT-VALUE})")
    List<Double> lengths;

    @Option(names = "--runs", defaultValue = "2", description = "runs per file, the fastest is reported (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--threads", split = ",", paramLabel = "N",
            description = "thread counts to compare (default: 1 and the machine's cores, at most 4)")
    List<Integer> threads;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 20) {
            throw new IllegalArgumentException("--runs " + runs + " is outside 1-20");
        }
        List<Integer> counts = threads != null ? threads
                : AudioAnalyzer.defaultThreads() > 1 ? List.of(1, AudioAnalyzer.defaultThreads()) : List.of(1);
        for (int n : counts) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("--threads " + n + " is outside 1-64");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        GenreClassifier classifier;
        try {
            classifier = GenreClassifier.loadDefault();
            out.println("genre model: " + classifier.modelName());
        } catch (GenreModelException e) {
            classifier = null;
            out.println("genre model: none (" + e.getMessage() + "); genre time not included");
        }
        Function<AudioAnalysis, ?> genre = genreOn(classifier, AudioAnalyzer.defaultThreads());
        out.printf(Locale.ROOT, "cores: %d, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            long[] scaling = AnalysisBenchmark.stftScaling();
            out.printf(Locale.ROOT, "core scaling: 4000 STFT frames take %.1f ms alone, %.1f ms as two such loops side by side "
                    + "(%.2fx; 1.00 on two real cores, more where the two share one core)%n", scaling[0] / 1e6,
                    scaling[1] / 1e6, scaling[1] / (double) scaling[0]);
        }
        List<Path> targets = new ArrayList<>(files);
        Path tmp = null;
        if (targets.isEmpty()) {
            tmp = Files.createTempDirectory("melodist-bench");
            for (double s : lengths) {
                if (!(s >= 1 && s <= 3600)) {
                    throw new IllegalArgumentException("--seconds " + s + " is outside 1-3600");
                }
                targets.add(SyntheticMusic.writeWav(tmp.resolve(String.format(Locale.ROOT, "synthetic-%.0fs.wav", s)),
                        s, 44_100, 112, 42));
            }
        }
        try {
            // warm the JIT on a short file first, so the first measured file is not charged for compilation
            Path warm = Files.createTempFile("melodist-warmup", ".wav");
            try {
                SyntheticMusic.writeWav(warm, 20, 44_100, 112, 1);
                new AnalysisBenchmark().run(warm, 3, genre);
            } finally {
                Files.deleteIfExists(warm);
            }
            for (Path f : targets) {
                double singleWall = 0;
                for (int n : counts) {
                    double loadBefore = loadAverage();
                    AnalysisBenchmark.Result r = new AnalysisBenchmark().run(f, runs, genreOn(classifier, n), n);
                    double loadAfter = loadAverage();
                    AudioAnalyzer.Timings t = r.timings();
                    double wall = r.wallNanos() / 1e9;
                    singleWall = n == 1 ? wall : singleWall;
                    out.printf(Locale.ROOT, "%s: %.1f s of audio on %s: wall %.3f s (%.1fx real time; median of %d runs "
                            + "%.3f s), process CPU %.3f s%s; peak heap %d MB (%d MB before); load average %s before, "
                            + "%s after%n", f.getFileName(), r.audioSeconds(), n == 1 ? "1 thread" : n + " threads", wall,
                            r.audioSeconds() / wall, runs, r.medianWallNanos() / 1e9, r.processCpuNanos() / 1e9,
                            n > 1 && singleWall > 0 ? String.format(Locale.ROOT, ", %.2fx the 1-thread wall time",
                                    singleWall / wall) : "",
                            r.peakHeapBytes() >> 20, r.baseHeapBytes() >> 20, load(loadBefore), load(loadAfter));
                    out.printf(Locale.ROOT, "  analysing thread's CPU: decode+resample %.3f s, STFT+spectral %.3f s, "
                            + "mel/MFCC/onset %.3f s, HPSS+chroma %.3f s, ZCR/RMS %.3f s, tempo/beats/key %.3f s, "
                            + "genre %.3f s = %.3f s per minute of audio%n",
                            t.decode() / 1e9, t.stft() / 1e9, t.mel() / 1e9, t.hpss() / 1e9, t.other() / 1e9,
                            t.tempo() / 1e9, r.genreNanos() / 1e9, r.secondsPerMinuteOfAudio());
                    out.flush();
                }
            }
        } finally {
            if (tmp != null) {
                try (var s = Files.list(tmp)) {
                    for (Path p : s.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(tmp);
            }
        }
        return 0;
    }

    /** Genre over time on {@code threads} threads, or null without a model. */
    private static Function<AudioAnalysis, ?> genreOn(GenreClassifier classifier, int threads) {
        return classifier == null ? null : a -> GenreWindows.classify(a, classifier, threads);
    }

    /** The 1-minute load average (other work on the machine inflates wall time), or -1 where unknown. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String load(double v) {
        return v < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", v);
    }
}

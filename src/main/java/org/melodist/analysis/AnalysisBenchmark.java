package org.melodist.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Measures the analysis pipeline on a file: CPU seconds per stage of the analysing thread (the pipeline is
 * single-threaded, so this is the one-core cost, unaffected by other load on the machine), multiple of real
 * time, and the peak heap the run needed (the JVM's heap pools' peak usage, reset after a GC before the run).
 */
public final class AnalysisBenchmark {

    /**
     * @param audioSeconds   length of the audio
     * @param timings        per-stage nanoseconds of the best run
     * @param genreNanos     windowing + classification time, 0 without a model
     * @param peakHeapBytes  peak heap during the runs, over the heap after a GC before them
     * @param baseHeapBytes  heap in use before the runs
     */
    public record Result(double audioSeconds, AudioAnalyzer.Timings timings, long genreNanos, long peakHeapBytes,
            long baseHeapBytes) {

        public double totalSeconds() {
            return (timings.total() + genreNanos) / 1e9;
        }

        public double timesRealTime() {
            return audioSeconds / totalSeconds();
        }

        public double secondsPerMinuteOfAudio() {
            return totalSeconds() / (audioSeconds / 60.0);
        }
    }

    /**
     * Analyses {@code file} {@code runs} times and keeps the fastest run; {@code genre} (may be null)
     * classifies an analysis and is timed with it.
     */
    public Result run(Path file, int runs, Function<AudioAnalysis, ?> genre) throws AudioDecodeException {
        System.gc();
        long base = heapUsed();
        resetPeaks();
        AudioAnalyzer analyzer = new AudioAnalyzer();
        AudioAnalyzer.Timings best = null;
        long bestGenre = 0;
        double seconds = 0;
        for (int r = 0; r < runs; r++) {
            AudioAnalysis a = analyzer.analyze(file);
            long g0 = CpuClock.nanos();
            if (genre != null) {
                genre.apply(a);
            }
            long g = CpuClock.nanos() - g0;
            AudioAnalyzer.Timings t = analyzer.lastTimings();
            if (best == null || t.total() + g < best.total() + bestGenre) {
                best = t;
                bestGenre = g;
            }
            seconds = a.durationSec();
        }
        return new Result(seconds, best, bestGenre, peakHeap(), base);
    }

    private static long heapUsed() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getUsage().getUsed();
            }
        }
        return sum;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

package org.melodist.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Measures the analysis pipeline on a file: wall time and process CPU time of the whole analysis on a given
 * number of threads, CPU seconds per stage of the analysing thread (on one thread that is the one-core cost,
 * unaffected by other load on the machine; on several, the worker threads' share is in the process CPU time
 * only), multiple of real time, and the peak heap the run needed (the JVM's heap pools' peak usage, reset after
 * a GC before the run).
 */
public final class AnalysisBenchmark {

    /**
     * @param audioSeconds   length of the audio
     * @param timings        per-stage nanoseconds of the best run
     * @param genreNanos     windowing + classification time, 0 without a model
     * @param peakHeapBytes  peak heap during the runs, over the heap after a GC before them
     * @param baseHeapBytes  heap in use before the runs
     * @param threads        threads the analysis ran on
     * @param wallNanos      wall time of the fastest run (decode to genre), the least disturbed by other load
     * @param processCpuNanos CPU time of the whole process (all threads, JIT and GC included) in that run
     */
    public record Result(double audioSeconds, AudioAnalyzer.Timings timings, long genreNanos, long peakHeapBytes,
            long baseHeapBytes, int threads, long wallNanos, long processCpuNanos) {

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
        return run(file, runs, genre, AudioAnalyzer.defaultThreads());
    }

    /** As {@link #run(Path, int, Function)} on {@code threads} threads; the fastest run by wall time is kept. */
    public Result run(Path file, int runs, Function<AudioAnalysis, ?> genre, int threads) throws AudioDecodeException {
        System.gc();
        long base = heapUsed();
        resetPeaks();
        AudioAnalyzer analyzer = new AudioAnalyzer(new AudioDecoder(), threads);
        AudioAnalyzer.Timings best = null;
        long bestGenre = 0;
        long bestWall = Long.MAX_VALUE;
        long bestCpu = 0;
        double seconds = 0;
        for (int r = 0; r < runs; r++) {
            long w0 = System.nanoTime();
            long c0 = CpuClock.processNanos();
            AudioAnalysis a = analyzer.analyze(file);
            long g0 = CpuClock.nanos();
            if (genre != null) {
                genre.apply(a);
            }
            long g = CpuClock.nanos() - g0;
            long wall = System.nanoTime() - w0;
            long cpu = CpuClock.processNanos() - c0;
            if (wall < bestWall) {
                best = analyzer.lastTimings();
                bestGenre = g;
                bestWall = wall;
                bestCpu = cpu;
            }
            seconds = a.durationSec();
        }
        return new Result(seconds, best, bestGenre, peakHeap(), base, threads, bestWall, bestCpu);
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

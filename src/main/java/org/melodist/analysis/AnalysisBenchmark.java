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
     * @param medianWallNanos median wall time over the runs (the middle two's mean for an even count): what a
     *                        user waits on a machine whose speed varies from run to run
     */
    public record Result(double audioSeconds, AudioAnalyzer.Timings timings, long genreNanos, long peakHeapBytes,
            long baseHeapBytes, int threads, long wallNanos, long processCpuNanos, long medianWallNanos) {

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
        long[] walls = new long[runs];
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
            walls[r] = wall;
            if (wall < bestWall) {
                best = analyzer.lastTimings();
                bestGenre = g;
                bestWall = wall;
                bestCpu = cpu;
            }
            seconds = a.durationSec();
        }
        java.util.Arrays.sort(walls);
        long median = runs == 0 ? 0 : runs % 2 == 1 ? walls[runs / 2] : (walls[runs / 2 - 1] + walls[runs / 2]) / 2;
        return new Result(seconds, best, bestGenre, peakHeap(), base, threads, bestWall, bestCpu, median);
    }

    /**
     * How well this machine's cores run the analysis's commonest work side by side: the wall time of a loop of STFT
     * frames (the FFT most of the analysis waits on) alone, and of two such loops on two threads at once (each doing
     * the same work). On two real cores the two take as long as one; on two hyperthreads of one core (or cores the
     * host shares out) they take longer, and so does every split of the analysis. Best of a few tries each, in
     * nanoseconds: {alone, side by side}.
     */
    public static long[] stftScaling() throws InterruptedException {
        float[] y = new float[Stft.N_FFT * 64];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) r.nextGaussian();
        }
        int frames = 4000;
        Runnable loop = () -> {
            Stft stft = new Stft();
            double[] re = new double[Stft.BINS];
            double[] im = new double[Stft.BINS];
            int n = Stft.frameCount(y.length);
            for (int t = 0; t < frames; t++) {
                stft.frame(y, t % n, re, im);
            }
        };
        long alone = Long.MAX_VALUE;
        long both = Long.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long t0 = System.nanoTime();
            loop.run();
            alone = Math.min(alone, System.nanoTime() - t0);
            Thread a = new Thread(loop, "melodist-scaling-a");
            Thread b = new Thread(loop, "melodist-scaling-b");
            t0 = System.nanoTime();
            a.start();
            b.start();
            a.join();
            b.join();
            both = Math.min(both, System.nanoTime() - t0);
        }
        return new long[] {alone, both};
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

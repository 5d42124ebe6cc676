package org.melodist.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits index ranges of analysis work over a few cores. Each range is computed exactly as the single-core
 * loop computes it (no reordering of floating-point sums across ranges), so results are bit-for-bit the same
 * whatever the thread count; callers keep order-dependent steps (overlap-add, listeners) on their own thread.
 */
final class Parallel {

    /** Threads used when none is given: the machine's cores, at most four (more buys little for one file). */
    static final int DEFAULT_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "melodist-analysis-" + NAMES.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Work on indices {@code from} (inclusive) to {@code to} (exclusive), the {@code part}-th range. */
    @FunctionalInterface
    interface Range {
        void run(int part, int from, int to);
    }

    private Parallel() {
    }

    /** Starts {@code task} on one of the analysis threads (for work that runs beside the caller's). */
    static <T> Future<T> submit(java.util.concurrent.Callable<T> task) {
        return POOL.submit(task);
    }

    /**
     * Runs {@code task} over [0, n) in min(threads, n) contiguous ranges, the first on the calling thread, and
     * returns when all are done; an exception in any range is rethrown here.
     */
    static void forRanges(int threads, int n, Range task) {
        int parts = Math.max(1, Math.min(threads, n));
        if (parts == 1) {
            task.run(0, 0, n);
            return;
        }
        List<Future<?>> others = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int part = p;
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            others.add(POOL.submit(() -> task.run(part, from, to)));
        }
        RuntimeException failure = null;
        try {
            task.run(0, 0, (int) ((long) n / parts));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (failure == null) {
                    failure = c instanceof RuntimeException r ? r : new IllegalStateException(c);
                }
                if (c instanceof Error err) {
                    throw err;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                others.forEach(o -> o.cancel(true));
                throw new CancellationException("analysis interrupted");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

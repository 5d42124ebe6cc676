package org.melodist.studio.tasks;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;

/**
 * The app's {@link BackgroundRunner}: one daemon thread per lane ({@code melodist-<lane>}), results and
 * progress handed to the JavaFX application thread with {@link Platform#runLater}. Progress and message
 * updates are coalesced, so fast work cannot flood the FX thread. The only place in the studio that
 * makes threads.
 */
public final class FxBackgroundRunner implements BackgroundRunner {

    private static final Logger LOG = System.getLogger(FxBackgroundRunner.class.getName());

    private final Map<String, ScheduledExecutorService> lanes = new ConcurrentHashMap<>();
    private volatile boolean shutDown;

    private ScheduledExecutorService lane(String name) {
        if (shutDown) throw new RejectedExecutionException("the studio is closing");
        return lanes.computeIfAbsent(name, n -> {
            ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "melodist-" + n);
                t.setDaemon(true);
                return t;
            });
            ex.setRemoveOnCancelPolicy(true);
            return ex;
        });
    }

    @Override
    public <T> Job<T> run(String lane, Job<T> job) {
        Reporter<T> reporter = new Reporter<>(job);
        job.queued();
        Future<?> f;
        try {
            f = lane(lane).submit(() -> {
                if (job.isCancelled()) return;
                Platform.runLater(job::running);
                try {
                    T value = job.call(reporter);
                    Platform.runLater(() -> job.succeeded(value));
                } catch (Throwable e) {
                    Platform.runLater(() -> job.failed(e));
                }
            });
        } catch (RejectedExecutionException e) {
            job.cancel();
            return job;
        }
        job.interruptWith(() -> f.cancel(true));
        return job;
    }

    @Override
    public void execute(String lane, Runnable work) {
        try {
            lane(lane).execute(logged(lane, work));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "not run, the studio is closing: work on " + lane);
        }
    }

    @Override
    public Pending schedule(String lane, Duration delay, Runnable work) {
        try {
            ScheduledFuture<?> f = lane(lane).schedule(logged(lane, work), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "not scheduled, the studio is closing: work on " + lane);
            return () -> { };
        }
    }

    @Override
    public boolean flush(String lane, Duration timeout) {
        ScheduledExecutorService ex = lanes.get(lane);
        if (ex == null || ex.isShutdown()) return true;
        try {
            ex.submit(() -> { }).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | RejectedExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public boolean shutdown(Duration timeout) {
        shutDown = true;
        List<ScheduledExecutorService> all = List.copyOf(lanes.values());
        all.forEach(ScheduledExecutorService::shutdownNow);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean stopped = true;
        for (ScheduledExecutorService ex : all) {
            try {
                stopped &= ex.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (!stopped) LOG.log(Level.WARNING, "background work did not stop within " + timeout.toMillis() + " ms");
        return stopped;
    }

    private static Runnable logged(String lane, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "background work on " + lane + " failed", e);
            }
        };
    }

    /** Hands progress and messages to the FX thread, at most one pending hand-over of each at a time. */
    private static final class Reporter<T> implements Progress {
        private final Job<T> job;
        private final AtomicReference<double[]> progress = new AtomicReference<>();
        private final AtomicReference<String> message = new AtomicReference<>();

        Reporter(Job<T> job) {
            this.job = job;
        }

        @Override
        public void progress(double done, double total) {
            if (progress.getAndSet(new double[] {done, total}) == null) {
                Platform.runLater(() -> {
                    double[] p = progress.getAndSet(null);
                    job.setProgress(p[0], p[1]);
                });
            }
        }

        @Override
        public void message(String text) {
            if (message.getAndSet(text == null ? "" : text) == null) {
                Platform.runLater(() -> job.setMessage(message.getAndSet(null)));
            }
        }

        @Override
        public boolean isCancelled() {
            return job.isCancelled();
        }
    }
}

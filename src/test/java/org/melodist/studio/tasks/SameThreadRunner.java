package org.melodist.studio.tasks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@link BackgroundRunner} for tests: the thread that creates it plays the UI thread, and jobs run on
 * it, start to end, inside {@link #run} (JabRef's {@code CurrentThreadTaskExecutor}). No toolkit, no
 * sleeps: when a test is done calling, the work is done.
 *
 * <p>Three things a test can hold on to:
 * <ul>
 * <li>{@link #holdJobs()}: jobs queue up until {@link #runHeldJobs()}, to see (and cancel) a queued job;</li>
 * <li>delayed work ({@link #schedule}) waits until {@link #runScheduled()}, as if the delay had passed;</li>
 * <li>hand-overs from other threads (a sequencer's listener) wait until {@link #deliverUntil} runs them
 *     here, in order, blocking on the hand-over itself rather than polling.</li>
 * </ul>
 * A hand-over made while another is being delivered runs after it, as with {@code Platform.runLater}.
 */
public final class SameThreadRunner implements BackgroundRunner {

    private final Thread ui = Thread.currentThread();
    private final Deque<Runnable> heldJobs = new ArrayDeque<>();
    private final List<Scheduled> scheduled = new ArrayList<>();
    private final BlockingQueue<Runnable> fromOtherThreads = new LinkedBlockingQueue<>();
    private final Deque<Runnable> afterCurrent = new ArrayDeque<>();
    private boolean holding;
    private boolean delivering;
    private boolean shutDown;
    private int jobsRun;

    private record Scheduled(Duration delay, Runnable work) {
    }

    /** From now on jobs wait in a queue until {@link #runHeldJobs()}. */
    public void holdJobs() {
        holding = true;
    }

    /** Runs the held jobs in order (and any they start), and stops holding. */
    public void runHeldJobs() {
        holding = false;
        while (!heldJobs.isEmpty()) heldJobs.removeFirst().run();
    }

    /** How many jobs have run to an end here (a test can tell that a job was not started). */
    public int jobsRun() {
        return jobsRun;
    }

    /** Runs the delayed work due so far, as if its delay had passed; returns how many pieces ran. */
    public int runScheduled() {
        List<Scheduled> due = List.copyOf(scheduled);
        scheduled.clear();
        due.forEach(s -> s.work().run());
        return due.size();
    }

    /** Delayed work waiting for {@link #runScheduled()}. */
    public int scheduledCount() {
        return scheduled.size();
    }

    /**
     * Runs hand-overs from other threads here, in order, until {@code condition} holds; waits for each at
     * most {@code timeout}. Fails when none comes in time.
     */
    public void deliverUntil(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Runnable next = fromOtherThreads.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (next == null) throw new AssertionError("nothing more was handed over in " + timeout + " waiting for " + what);
            deliver(next);
        }
    }

    @Override
    public <T> Job<T> run(String lane, Job<T> job) {
        checkUiThread();
        job.queued();
        if (shutDown) {
            job.cancel();
            return job;
        }
        Runnable start = () -> runNow(job);
        if (holding) heldJobs.addLast(start); else start.run();
        return job;
    }

    private <T> void runNow(Job<T> job) {
        if (job.isCancelled()) return;
        job.running();
        Progress reporter = new Progress() {
            @Override
            public void progress(double done, double total) {
                job.setProgress(done, total);
            }

            @Override
            public void message(String text) {
                job.setMessage(text);
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelled();
            }
        };
        try {
            T value = job.call(reporter);
            job.succeeded(value);
        } catch (Exception e) {
            job.failed(e);
        }
        jobsRun++;
    }

    @Override
    public void execute(String lane, Runnable work) {
        checkUiThread();
        if (!shutDown) work.run();
    }

    @Override
    public Pending schedule(String lane, Duration delay, Runnable work) {
        checkUiThread();
        if (shutDown) return () -> { };
        Scheduled s = new Scheduled(delay, work);
        scheduled.add(s);
        return () -> scheduled.remove(s);
    }

    @Override
    public boolean flush(String lane, Duration timeout) {
        return true;
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Thread.currentThread() != ui) {
            fromOtherThreads.add(action);
        } else if (delivering) {
            afterCurrent.addLast(action);
        } else {
            deliver(action);
        }
    }

    private void deliver(Runnable action) {
        delivering = true;
        try {
            action.run();
            while (!afterCurrent.isEmpty()) afterCurrent.removeFirst().run();
        } finally {
            delivering = false;
        }
    }

    @Override
    public boolean shutdown(Duration timeout) {
        shutDown = true;
        heldJobs.clear();
        scheduled.clear();
        return true;
    }

    private void checkUiThread() {
        if (Thread.currentThread() != ui) {
            throw new IllegalStateException("called on " + Thread.currentThread().getName() + ", not the test's UI thread");
        }
    }
}

package org.melodist.studio.tasks;

import java.time.Duration;

/**
 * Runs the studio's background work: jobs with progress, messages and cancel whose results come back on
 * the UI thread, delayed work (autosave) and hand-overs to the UI thread. Work goes to a named
 * <em>lane</em>: the work of one lane runs one piece at a time, in the order given, so a ViewModel that
 * owns a lane gets a queue (one analysis after the other, model load before generation) for free.
 *
 * <p>The studio has one runner, created and shut down by the composition root; ViewModels receive it
 * through their constructors and never make threads of their own. The app's runner is
 * {@link FxBackgroundRunner}; tests pass one that runs everything on the calling thread, so they need
 * neither the JavaFX toolkit nor sleeps.
 *
 * <p>{@link #run}, {@link #execute} and {@link #schedule} are called on the UI thread.
 */
public interface BackgroundRunner extends AutoCloseable {

    /** A piece of delayed work that can still be called off before it starts. */
    @FunctionalInterface
    interface Pending {
        void cancel();
    }

    /**
     * Starts {@code job} on {@code lane}; its state, progress, message and callbacks change on the UI
     * thread. Returns the job, for chaining.
     */
    <T> Job<T> run(String lane, Job<T> job);

    /** Runs plain work on {@code lane} after what is already queued there; failures are logged. */
    void execute(String lane, Runnable work);

    /** Runs plain work on {@code lane} after {@code delay}, unless it is cancelled first; failures are logged. */
    Pending schedule(String lane, Duration delay, Runnable work);

    /** Waits, at most {@code timeout}, until the work queued on {@code lane} so far is done; false when it is not. */
    boolean flush(String lane, Duration timeout);

    /** Hands {@code action} to the UI thread, to run after the event being handled now. Any thread. */
    void onUiThread(Runnable action);

    /**
     * Stops everything: queued work is dropped, running work is interrupted. Waits at most
     * {@code timeout} for it to stop; false when some did not (its resources must then stay open).
     */
    boolean shutdown(Duration timeout);

    /** {@link #shutdown} with five seconds' patience. */
    @Override
    default void close() {
        shutdown(Duration.ofSeconds(5));
    }
}

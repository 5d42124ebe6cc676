package org.melodist.studio.tasks;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One piece of background work as the UI sees it: a title, its state, progress and message (changed on
 * the UI thread only), callbacks for how it ended, and cancel. Built with {@code new Job<>(title, work)}
 * and the {@code on...} methods, then handed to {@link BackgroundRunner#run}.
 *
 * <p>Cancel takes effect at once for the UI: the job is {@link State#CANCELLED} and its cancel callback
 * has run when {@link #cancel()} returns; a result the work still delivers afterwards is dropped.
 */
public final class Job<T> {

    /** Where a job is. */
    public enum State {
        READY, QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        /** True once the job will not change any more. */
        public boolean isDone() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    private final String title;
    private final Work<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<? super T> onSucceeded = v -> { };
    private Consumer<Throwable> onFailed = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onDone = () -> { };
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    /** -1 (busy, amount unknown) until the work says otherwise. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private volatile boolean cancelRequested;
    private Runnable interrupter = () -> { };
    private T value;
    private Throwable exception;

    public Job(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    // ---- callbacks (UI thread) ----------------------------------------------------------------------

    /** Called when the work starts (after the jobs queued before it on its lane). */
    public Job<T> onRunning(Runnable action) {
        onRunning = action;
        return this;
    }

    public Job<T> onSucceeded(Consumer<? super T> action) {
        onSucceeded = action;
        return this;
    }

    public Job<T> onFailed(Consumer<Throwable> action) {
        onFailed = action;
        return this;
    }

    public Job<T> onCancelled(Runnable action) {
        onCancelled = action;
        return this;
    }

    /** Called after the succeeded, failed or cancelled callback, whichever way the job ended. */
    public Job<T> onDone(Runnable action) {
        onDone = action;
        return this;
    }

    // ---- state (UI thread) --------------------------------------------------------------------------

    public String title() {
        return title;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public boolean isDone() {
        return state.get().isDone();
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The result once {@link State#SUCCEEDED}, else null. */
    public T value() {
        return value;
    }

    /** Why the job failed, once {@link State#FAILED}, else null. */
    public Throwable exception() {
        return exception;
    }

    /** True once cancelled; safe to ask from any thread. */
    public boolean isCancelled() {
        return cancelRequested;
    }

    /** Stops the job: a queued one never starts, a running one is interrupted and asked to stop. */
    public void cancel() {
        if (state.get().isDone()) return;
        cancelRequested = true;
        interrupter.run();
        finish(State.CANCELLED);
        onCancelled.run();
        onDone.run();
    }

    // ---- for runners --------------------------------------------------------------------------------

    /** The work itself; runners call it off the UI thread (or, in tests, on the calling thread). */
    T call(Progress reporter) throws Exception {
        return work.call(reporter);
    }

    void queued() {
        if (state.get() != State.READY) throw new IllegalStateException(title + " was started twice");
        state.set(State.QUEUED);
    }

    /** How to interrupt the work on cancel (the runner's handle on it). */
    void interruptWith(Runnable interruptWork) {
        if (!state.get().isDone()) interrupter = interruptWork;
    }

    void running() {
        if (state.get() != State.QUEUED) return;
        state.set(State.RUNNING);
        onRunning.run();
    }

    void succeeded(T result) {
        if (state.get().isDone()) return;
        value = result;
        finish(State.SUCCEEDED);
        onSucceeded.accept(result);
        onDone.run();
    }

    void failed(Throwable e) {
        if (state.get().isDone()) return;
        exception = e;
        finish(State.FAILED);
        onFailed.accept(e);
        onDone.run();
    }

    /** As {@code Task.updateProgress}: a negative or non-finite {@code done} means unknown. */
    void setProgress(double done, double total) {
        if (state.get().isDone()) return;
        if (!Double.isFinite(done) || done < 0 || !(total > 0)) {
            progress.set(-1);
        } else {
            progress.set(Math.min(done, total) / total);
        }
    }

    void setMessage(String text) {
        if (state.get().isDone()) return;
        message.set(text == null ? "" : text);
    }

    private void finish(State end) {
        interrupter = () -> { };
        state.set(end);
    }

    @Override
    public String toString() {
        return title + " (" + state.get() + ")";
    }
}

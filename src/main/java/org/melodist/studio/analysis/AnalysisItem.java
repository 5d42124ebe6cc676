package org.melodist.studio.analysis;

import java.nio.file.Path;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.melodist.studio.tasks.Job;

/**
 * One file in the analysis queue: its state, progress, a one-line detail (the current stage, or why it
 * failed) and, once done, its result. Changed only on the FX thread by {@link AnalysisViewModel}.
 */
public final class AnalysisItem {

    /** Where a file is in the queue. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        /** True once the file will not change any more. */
        public boolean isFinished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    private final Path file;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.QUEUED);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "Queued");
    private final ReadOnlyObjectWrapper<AnalysisResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private Job<AnalysisResult> task;

    AnalysisItem(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return String.valueOf(file.getFileName());
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** 0..1 while running, 1 when done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The current stage while running; the reason when failed. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public String detail() {
        return detail.get();
    }

    public ReadOnlyObjectProperty<AnalysisResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public AnalysisResult result() {
        return result.get();
    }

    // ---- changed by the view model ------------------------------------------------------------------

    void attach(Job<AnalysisResult> t) {
        task = t;
        t.messageProperty().addListener((obs, o, n) -> {
            if (n != null && !n.isBlank() && !state.get().isFinished()) detail.set(n);
        });
    }

    Job<AnalysisResult> task() {
        return task;
    }

    void running() {
        // bound only now: a queued task's progress is -1 (indeterminate), which would animate every waiting bar
        progress.bind(task.progressProperty());
        state.set(State.RUNNING);
    }

    void done(AnalysisResult r, String summary) {
        progress.unbind();
        progress.set(1);
        result.set(r);
        detail.set(summary);
        state.set(State.DONE);
    }

    void failed(String reason) {
        progress.unbind();
        progress.set(0);
        detail.set(reason);
        state.set(State.FAILED);
    }

    void cancelled() {
        progress.unbind();
        progress.set(0);
        detail.set("Cancelled");
        state.set(State.CANCELLED);
    }

    @Override
    public String toString() {
        return fileName() + " (" + state.get() + ")";
    }
}

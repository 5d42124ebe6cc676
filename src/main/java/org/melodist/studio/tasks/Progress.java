package org.melodist.studio.tasks;

/** What background work can tell the UI while it runs, and ask it: progress, a one-line message, cancel. */
public interface Progress {

    /** Work done out of {@code total}; a negative {@code done} means "busy, amount unknown". */
    void progress(double done, double total);

    /** A one-line message about the current step. */
    void message(String text);

    /** True once the job has been cancelled: the work should stop at the next point where it can. */
    boolean isCancelled();
}

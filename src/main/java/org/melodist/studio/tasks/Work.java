package org.melodist.studio.tasks;

/** The part of a {@link Job} that runs off the UI thread. */
@FunctionalInterface
public interface Work<T> {

    T call(Progress progress) throws Exception;
}

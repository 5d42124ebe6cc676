package org.melodist.analysis;

import java.util.concurrent.CancellationException;

/**
 * Lets analysis read a file's samples while they are still being decoded: the decoder says where the samples go
 * and how many are final ({@link AudioDecoder.Progress}); the analysis waits at {@link #await} until those it is
 * about to read are. Writes before {@link #written} happen before the reads after {@link #await} returns (both
 * hold this object's lock).
 */
final class SampleGate implements AudioDecoder.Progress, Hpss.Arrival {

    /** Thrown by {@link #await} when decoding ended short of the samples asked for (damaged, cut or mislabelled). */
    static final class Incomplete extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Incomplete() {
            super("decoding ended before the samples were written", null, false, false);
        }
    }

    private float[] target;
    private int written;
    private boolean finished;

    @Override
    public synchronized void target(float[] samples) {
        target = samples;
        notifyAll();
    }

    @Override
    public synchronized void written(int count) {
        written = count;
        notifyAll();
    }

    /** Decoding is over (done, failed or abandoned): nothing more will be written. */
    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    /** The array the samples go into, or null if decoding ended without one (the file did not say its length). */
    synchronized float[] awaitTarget() {
        while (target == null && !finished) {
            waitHere();
        }
        return target;
    }

    /** Waits until the first {@code end} samples of the target are final; throws {@link Incomplete} if they never will be. */
    @Override
    public synchronized void await(int end) {
        while (written < end && !finished) {
            waitHere();
        }
        if (written < end) {
            throw new Incomplete();
        }
    }

    /** Whether decoding is over (so every sample that will be written is). */
    @Override
    public synchronized boolean complete() {
        return finished;
    }

    private void waitHere() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("analysis interrupted");
        }
    }
}

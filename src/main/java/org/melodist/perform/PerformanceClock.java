package org.melodist.perform;

/**
 * The time base of a live performance in microseconds. The studio uses the system clock (or the
 * synthesizer's); tests use a clock they move by hand, so nothing in the recorder or the jam sleeps.
 */
@FunctionalInterface
public interface PerformanceClock {

    long nowMicros();

    /** Microseconds from {@link System#nanoTime()}: monotonic, not wall-clock time. */
    static PerformanceClock system() {
        return () -> System.nanoTime() / 1_000;
    }
}

package org.melodist.perform;

/** A clock the test moves by hand. */
final class ManualClock implements PerformanceClock {
    long now;

    ManualClock(long start) {
        now = start;
    }

    @Override
    public long nowMicros() {
        return now;
    }

    void set(long micros) {
        now = micros;
    }
}

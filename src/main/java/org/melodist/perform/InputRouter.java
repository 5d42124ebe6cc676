package org.melodist.perform;

import java.util.Objects;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;

/**
 * Where the keyboard's messages go: always to the monitor (so that playing sounds at once), and to the one
 * part that listens now: the take recorder, step input, the jam, or nothing. Messages without a timestamp
 * are stamped with the clock on arrival, so every listener sees the same moment.
 */
public final class InputRouter implements Receiver {

    private static final Receiver NOBODY = new Receiver() {
        @Override
        public void send(MidiMessage message, long timeStamp) {
        }

        @Override
        public void close() {
        }
    };

    private final PerformanceClock clock;
    private volatile Receiver monitor = NOBODY;
    private volatile Receiver listener = NOBODY;

    public InputRouter(PerformanceClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void setMonitor(Receiver r) {
        monitor = r == null ? NOBODY : r;
    }

    /** The part that takes the notes now (null: none). */
    public void setListener(Receiver r) {
        listener = r == null ? NOBODY : r;
    }

    public Receiver listener() {
        return listener == NOBODY ? null : listener;
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        long t = timeStamp >= 0 ? timeStamp : clock.nowMicros();
        monitor.send(message, -1);
        listener.send(message, t);
    }

    @Override
    public void close() {
        listener = NOBODY;
        monitor = NOBODY;
    }
}

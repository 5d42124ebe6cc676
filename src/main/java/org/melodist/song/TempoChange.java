package org.melodist.song;

/** From {@code tick} on, the song runs at {@code bpm} quarter notes per minute. */
public record TempoChange(long tick, double bpm) {

    public TempoChange {
        if (tick < 0) {
            throw new IllegalArgumentException("tempo change at negative tick " + tick);
        }
        if (!(bpm >= 1.0 && bpm <= 1000.0)) {
            throw new IllegalArgumentException("tempo " + bpm + " BPM is outside 1-1000");
        }
    }

    /** The MIDI set-tempo value: microseconds per quarter note. */
    public int microsPerQuarter() {
        return (int) Math.round(60_000_000.0 / bpm);
    }

    public static TempoChange fromMicrosPerQuarter(long tick, int micros) {
        return new TempoChange(tick, 60_000_000.0 / micros);
    }
}

package org.melodist.song;

/**
 * One note of a melody or part: a MIDI pitch sounding from {@code start} for {@code duration} ticks.
 * Ticks are relative to the owning {@link Song}'s pulses per quarter note.
 */
public record Note(int pitch, int velocity, long start, long duration) implements Comparable<Note> {

    public static final int MIN_PITCH = 0;
    public static final int MAX_PITCH = 127;

    public Note {
        if (pitch < MIN_PITCH || pitch > MAX_PITCH) {
            throw new IllegalArgumentException("pitch " + pitch + " is outside the MIDI range 0-127");
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity " + velocity + " is outside 1-127");
        }
        if (start < 0) {
            throw new IllegalArgumentException("start tick " + start + " is negative");
        }
        if (duration < 0) {
            throw new IllegalArgumentException("duration " + duration + " is negative");
        }
    }

    public long end() {
        return start + duration;
    }

    public Note withPitch(int newPitch) {
        return new Note(newPitch, velocity, start, duration);
    }

    public Note withVelocity(int newVelocity) {
        return new Note(pitch, newVelocity, start, duration);
    }

    public Note withStart(long newStart) {
        return new Note(pitch, velocity, newStart, duration);
    }

    public Note withDuration(long newDuration) {
        return new Note(pitch, velocity, start, newDuration);
    }

    /** Notes order by start, then pitch, then duration, then velocity: the order a track keeps. */
    @Override
    public int compareTo(Note o) {
        int c = Long.compare(start, o.start);
        if (c != 0) return c;
        c = Integer.compare(pitch, o.pitch);
        if (c != 0) return c;
        c = Long.compare(duration, o.duration);
        if (c != 0) return c;
        return Integer.compare(velocity, o.velocity);
    }
}

package org.melodist.song;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** A named part on one MIDI channel with one General MIDI program; its notes are kept sorted. */
public record Track(String name, int channel, int program, List<Note> notes) {

    public Track {
        Objects.requireNonNull(name, "name");
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("MIDI channel " + channel + " is outside 0-15");
        }
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("GM program " + program + " is outside 0-127");
        }
        notes = sortedCopy(notes);
    }

    public static Track of(String name, int channel, int program, Collection<Note> notes) {
        return new Track(name, channel, program, List.copyOf(notes));
    }

    private static List<Note> sortedCopy(Collection<Note> notes) {
        List<Note> copy = new ArrayList<>(Objects.requireNonNull(notes, "notes"));
        for (Note n : copy) {
            Objects.requireNonNull(n, "a note is null");
        }
        copy.sort(null);
        return List.copyOf(copy);
    }

    public Track withNotes(Collection<Note> newNotes) {
        return new Track(name, channel, program, List.copyOf(newNotes));
    }

    public Track withName(String newName) {
        return new Track(newName, channel, program, notes);
    }

    public Track withChannel(int newChannel) {
        return new Track(name, newChannel, program, notes);
    }

    public Track withProgram(int newProgram) {
        return new Track(name, channel, newProgram, notes);
    }

    /** The tick where the last note ends, 0 for an empty track. */
    public long endTick() {
        long end = 0;
        for (Note n : notes) {
            end = Math.max(end, n.end());
        }
        return end;
    }

    /** Index of the first note starting at or after {@code tick} (binary search over the sorted notes). */
    public int firstNoteAtOrAfter(long tick) {
        return firstStartingAtOrAfter(notes, tick);
    }

    /**
     * Index of the first note starting at or after {@code tick} in any list sorted by start (a track's
     * notes, ghost notes, a variation), by binary search; {@code size()} when there is none.
     */
    public static int firstStartingAtOrAfter(List<Note> startSorted, long tick) {
        int lo = 0;
        int hi = startSorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (startSorted.get(mid).start() < tick) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

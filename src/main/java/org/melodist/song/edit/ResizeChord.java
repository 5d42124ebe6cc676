package org.melodist.song.edit;

import java.util.List;
import org.melodist.song.ChordLane;
import org.melodist.song.Song;

/**
 * Moves the edges of the chord sounding at {@code tick} to {@code [newStart, newEnd)}, as dragging its edges in
 * the chord lane does; neighbours it grows over are cut back.
 */
public record ResizeChord(long tick, long newStart, long newEnd) implements SongEdit {

    public ResizeChord {
        if (newStart < 0 || newEnd <= newStart) {
            throw new IllegalArgumentException("chord range " + newStart + "-" + newEnd + " is empty or negative");
        }
    }

    @Override
    public Song apply(Song song) {
        ChordLane lane = ChordLane.of(song);
        int i = lane.indexAt(tick);
        if (i < 0) {
            return song;
        }
        ChordLane.Mark m = lane.marks().get(i);
        ChordLane without = lane.replace(m.start(), m.end(), List.of());
        return without.replace(newStart, newEnd, List.of(new ChordLane.Mark(newStart, newEnd, m.symbol()))).storeIn(song);
    }

    @Override
    public String name() {
        return "Resize chord";
    }
}

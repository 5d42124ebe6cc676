package org.melodist.song.edit;

import java.util.List;
import org.melodist.song.ChordLane;
import org.melodist.song.Song;

/** Deletes the chord sounding at {@code tick} from the chord lane (nothing happens where there is none). */
public record RemoveChord(long tick) implements SongEdit {

    @Override
    public Song apply(Song song) {
        ChordLane lane = ChordLane.of(song);
        int i = lane.indexAt(tick);
        if (i < 0) {
            return song;
        }
        ChordLane.Mark m = lane.marks().get(i);
        return lane.replace(m.start(), m.end(), List.of()).storeIn(song);
    }

    @Override
    public String name() {
        return "Delete chord";
    }
}

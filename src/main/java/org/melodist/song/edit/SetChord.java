package org.melodist.song.edit;

import java.util.List;
import org.melodist.song.ChordLane;
import org.melodist.song.Song;

/** Types a chord symbol over a tick range of the chord lane; chords under it are cut back or replaced. */
public record SetChord(long start, long end, String symbol) implements SongEdit {

    public SetChord {
        new ChordLane.Mark(start, end, symbol);
    }

    @Override
    public Song apply(Song song) {
        return ChordLane.of(song).replace(start, end, List.of(new ChordLane.Mark(start, end, symbol))).storeIn(song);
    }

    @Override
    public String name() {
        return "Set chord " + symbol.trim();
    }
}

package org.melodist.song.edit;

import java.util.List;
import org.melodist.song.ChordLane;
import org.melodist.song.Song;

/** Replaces the chords of {@code [from, to)} with {@code chords}, as Harmonise does for a selection or a whole track. */
public record FillChords(String name, long from, long to, List<ChordLane.Mark> chords) implements SongEdit {

    public FillChords {
        chords = List.copyOf(chords);
        ChordLane.EMPTY.replace(from, to, chords);
    }

    @Override
    public Song apply(Song song) {
        return ChordLane.of(song).replace(from, to, chords).storeIn(song);
    }
}

package org.melodist.song.edit;

import org.melodist.song.Song;
import org.melodist.song.Track;

/** Adds a part at the end of the track list, as Chords -> track does with the rendered accompaniment. */
public record AddTrack(String name, Track track) implements SongEdit {

    @Override
    public Song apply(Song song) {
        return song.withAddedTrack(track);
    }
}

package org.melodist.song.edit;

import org.melodist.song.Song;

/**
 * One user action on a song, as a value: applying it returns a new song and leaves the old one intact,
 * so undo is a matter of keeping the previous snapshot. {@link #name()} is what an Undo menu shows.
 */
public sealed interface SongEdit permits AddNotes, RemoveNotes, NoteEdit, ReplaceRange, SetTempoAndKey,
        CompoundEdit, SetChord, RemoveChord, ResizeChord, FillChords, AddTrack {

    Song apply(Song song);

    String name();
}

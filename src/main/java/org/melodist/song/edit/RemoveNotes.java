package org.melodist.song.edit;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;
import org.melodist.song.Song;

/** Deletes notes from a track. */
public record RemoveNotes(int track, List<Note> notes) implements SongEdit {

    public RemoveNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Song apply(Song song) {
        return song.mapTrack(track, t -> t.withNotes(NoteSelection.replace(t.notes(), notes, n -> null)));
    }

    @Override
    public String name() {
        return "Delete " + Plurals.count(notes.size(), "note");
    }
}

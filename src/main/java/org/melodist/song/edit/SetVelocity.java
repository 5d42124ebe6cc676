package org.melodist.song.edit;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;
import org.melodist.song.Song;

/** Gives notes one velocity. */
public record SetVelocity(int track, List<Note> notes, int velocity) implements SongEdit {

    public SetVelocity {
        notes = List.copyOf(notes);
    }

    @Override
    public Song apply(Song song) {
        return song.mapTrack(track, t -> t.withNotes(NoteSelection.replace(t.notes(), notes,
                n -> n.withVelocity(velocity))));
    }

    @Override
    public String name() {
        return "Set velocity of " + Plurals.count(notes.size(), "note");
    }
}

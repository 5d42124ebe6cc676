package org.melodist.song.edit;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;

/** Gives notes one velocity. */
public record SetVelocity(int track, List<Note> notes, int velocity) implements NoteEdit {

    public SetVelocity {
        notes = List.copyOf(notes);
    }

    @Override
    public Note change(Note n) {
        return n.withVelocity(velocity);
    }

    @Override
    public String name() {
        return "Set velocity of " + Plurals.count(notes.size(), "note");
    }
}

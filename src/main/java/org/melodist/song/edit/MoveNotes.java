package org.melodist.song.edit;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;

/** Shifts notes in time and pitch together, as a drag in the piano roll does. */
public record MoveNotes(int track, List<Note> notes, long deltaTicks, int deltaPitch) implements NoteEdit {

    public MoveNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Note change(Note n) {
        return new Note(n.pitch() + deltaPitch, n.velocity(), n.start() + deltaTicks, n.duration());
    }

    @Override
    public String name() {
        return "Move " + Plurals.count(notes.size(), "note");
    }
}

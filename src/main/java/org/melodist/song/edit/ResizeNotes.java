package org.melodist.song.edit;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;

/** Lengthens or shortens notes by the same number of ticks, never below {@code minDuration}. */
public record ResizeNotes(int track, List<Note> notes, long deltaTicks, long minDuration) implements NoteEdit {

    public ResizeNotes {
        notes = List.copyOf(notes);
        if (minDuration < 0) {
            throw new IllegalArgumentException("minimum duration " + minDuration + " is negative");
        }
    }

    @Override
    public Note change(Note n) {
        return n.withDuration(Math.max(minDuration, n.duration() + deltaTicks));
    }

    @Override
    public String name() {
        return "Resize " + Plurals.count(notes.size(), "note");
    }
}

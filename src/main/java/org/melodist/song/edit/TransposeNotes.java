package org.melodist.song.edit;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;

/** Transposes notes by semitones; fails (rather than clipping) if a note would leave the MIDI range. */
public record TransposeNotes(int track, List<Note> notes, int semitones) implements NoteEdit {

    public TransposeNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Note change(Note n) {
        return n.withPitch(n.pitch() + semitones);
    }

    @Override
    public String name() {
        return "Transpose " + Plurals.count(notes.size(), "note");
    }
}

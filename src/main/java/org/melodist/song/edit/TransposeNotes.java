package org.melodist.song.edit;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;
import org.melodist.song.Song;

/** Transposes notes by semitones; fails (rather than clipping) if a note would leave the MIDI range. */
public record TransposeNotes(int track, List<Note> notes, int semitones) implements SongEdit {

    public TransposeNotes {
        notes = List.copyOf(notes);
    }

    @Override
    public Song apply(Song song) {
        return song.mapTrack(track, t -> t.withNotes(NoteSelection.replace(t.notes(), notes,
                n -> n.withPitch(n.pitch() + semitones))));
    }

    @Override
    public String name() {
        return "Transpose " + Plurals.count(notes.size(), "note");
    }
}

package org.melodist.song.edit;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;
import org.melodist.song.Song;

/** Lengthens or shortens notes by the same number of ticks, never below {@code minDuration}. */
public record ResizeNotes(int track, List<Note> notes, long deltaTicks, long minDuration) implements SongEdit {

    public ResizeNotes {
        notes = List.copyOf(notes);
        if (minDuration < 0) {
            throw new IllegalArgumentException("minimum duration " + minDuration + " is negative");
        }
    }

    @Override
    public Song apply(Song song) {
        return song.mapTrack(track, t -> t.withNotes(NoteSelection.replace(t.notes(), notes,
                n -> n.withDuration(Math.max(minDuration, n.duration() + deltaTicks)))));
    }

    @Override
    public String name() {
        return "Resize " + Plurals.count(notes.size(), "note");
    }
}

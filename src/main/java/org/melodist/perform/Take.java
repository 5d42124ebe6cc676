package org.melodist.perform;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;
import org.melodist.song.edit.AddNotes;
import org.melodist.song.edit.CompoundEdit;
import org.melodist.song.edit.ReplaceRange;
import org.melodist.song.edit.SongEdit;

/**
 * One recorded pass: the notes played into {@code track} between {@code from} and {@code to} (song ticks),
 * velocities as played. {@link #edit()} writes it as one undoable step.
 */
public record Take(int number, int track, long from, long to, RecordMode mode, List<Note> notes) {

    public Take {
        notes = List.copyOf(notes).stream().sorted().toList();
        if (to < from) throw new IllegalArgumentException("take range " + from + ".." + to + " is reversed");
    }

    public boolean isEmpty() {
        return notes.isEmpty();
    }

    /** "Record take 2 (5 notes)". */
    public String name() {
        return "Record take " + number + " (" + Plurals.count(notes.size(), "note") + ")";
    }

    /** Overdub adds the notes; replace first removes the notes that start inside the take's range. */
    public SongEdit edit() {
        SongEdit inner = mode == RecordMode.OVERDUB ? new AddNotes(track, notes) : new ReplaceRange(track, from, to, notes);
        return new CompoundEdit(name(), List.of(inner));
    }
}

package org.melodist.song.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.melodist.song.Note;
import org.melodist.song.Song;

/**
 * An edit that changes chosen notes of one track, each by itself (move, resize, transpose, quantize,
 * velocity). It says what it makes of each note ({@link #change}), so that the song's change and the
 * selection that follows it come from the same rule and cannot drift apart.
 */
public sealed interface NoteEdit extends SongEdit
        permits MoveNotes, ResizeNotes, TransposeNotes, QuantizeNotes, SetVelocity {

    /** What one note before the edit looks like after it. */
    record Change(Note before, Note after) {
    }

    int track();

    /** The notes the edit acts on, as they are before it. */
    List<Note> notes();

    /** What the edit makes of one of its notes. */
    Note change(Note note);

    @Override
    default Song apply(Song song) {
        return song.mapTrack(track(), t -> t.withNotes(NoteSelection.replace(t.notes(), notes(), this::change)));
    }

    /** Each of {@link #notes()} with what it becomes, in the same order. */
    default List<Change> changes() {
        List<Change> out = new ArrayList<>(notes().size());
        for (Note n : notes()) out.add(new Change(n, change(n)));
        return out;
    }

    /**
     * A selection as it reads after this edit: each selected note the edit changed becomes what the edit
     * made of it (equal notes are matched one to one), the others stay as they were, in the same order.
     */
    default List<Note> carry(List<Note> selected) {
        Map<Note, List<Note>> after = new HashMap<>();
        for (Change c : changes()) after.computeIfAbsent(c.before(), k -> new ArrayList<>()).add(c.after());
        List<Note> out = new ArrayList<>(selected.size());
        for (Note n : selected) {
            List<Note> became = after.get(n);
            out.add(became == null || became.isEmpty() ? n : became.remove(0));
        }
        return out;
    }
}

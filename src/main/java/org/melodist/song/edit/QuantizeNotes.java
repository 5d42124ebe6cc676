package org.melodist.song.edit;

import java.util.List;

import org.melodist.Plurals;
import org.melodist.song.Note;

/**
 * Snaps note starts to the nearest multiple of {@code grid} ticks; with {@code ends} also snaps the
 * note ends, keeping every note at least one grid step long.
 */
public record QuantizeNotes(int track, List<Note> notes, long grid, boolean ends) implements NoteEdit {

    public QuantizeNotes {
        notes = List.copyOf(notes);
        if (grid < 1) {
            throw new IllegalArgumentException("quantize grid " + grid + " must be at least one tick");
        }
    }

    public static long snap(long tick, long grid) {
        return Math.max(0, Math.floorDiv(tick + grid / 2, grid) * grid);
    }

    @Override
    public Note change(Note n) {
        long start = snap(n.start(), grid);
        long duration = ends ? Math.max(grid, snap(n.end(), grid) - start) : n.duration();
        return new Note(n.pitch(), n.velocity(), start, duration);
    }

    @Override
    public String name() {
        return "Quantize " + Plurals.count(notes.size(), "note");
    }
}

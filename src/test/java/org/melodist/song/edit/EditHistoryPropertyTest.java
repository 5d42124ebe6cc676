package org.melodist.song.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/** Randomised with fixed seeds: any sequence of edits, fully undone, gives back the original song. */
class EditHistoryPropertyTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    void undoingEverythingRestoresTheOriginalAndRedoingRestoresTheEnd(long seed) {
        Random rnd = new Random(seed);
        Song original = randomSong(rnd);
        EditHistory history = new EditHistory(original);
        List<Song> states = new ArrayList<>();
        states.add(original);
        int steps = 5 + rnd.nextInt(60);
        for (int i = 0; i < steps; i++) {
            SongEdit edit = randomEdit(history.current(), rnd);
            if (edit == null) continue;
            history.apply(edit);
            states.add(history.current());
        }
        Song end = history.current();
        // partial undo lands on each earlier state in turn
        for (int i = states.size() - 2; i >= 0; i--) {
            assertEquals(states.get(i), history.undo());
        }
        assertFalse(history.canUndo());
        assertEquals(original, history.current());
        while (history.canRedo()) {
            history.redo();
        }
        assertEquals(end, history.current());
    }

    @Test
    void aNewEditAfterUndoDropsTheRedoBranch() {
        Song song = Song.empty();
        EditHistory h = new EditHistory(song);
        Note a = new Note(60, 100, 0, 120);
        h.apply(new AddNotes(0, List.of(a)));
        assertEquals("Add 1 note", h.undoName().orElseThrow());
        h.undo();
        assertTrue(h.canRedo());
        h.apply(new AddNotes(0, List.of(a.withPitch(62))));
        assertFalse(h.canRedo());
        assertEquals(List.of(a.withPitch(62)), h.current().track(0).notes());
    }

    @Test
    void editsOfNotesThatAreNotThereFailLoudly() {
        Song song = Song.empty();
        assertThrows(IllegalArgumentException.class,
                () -> new RemoveNotes(0, List.of(new Note(60, 100, 0, 120))).apply(song));
        assertThrows(IllegalArgumentException.class, () -> new AddNotes(3, List.of()).apply(song));
    }

    @Test
    void quantizeSnapsStartsAndEnds() {
        Note off = new Note(60, 100, 130, 100);
        Song song = new AddNotes(0, List.of(off)).apply(Song.empty());
        Song q = new QuantizeNotes(0, List.of(off), 120, true).apply(song);
        assertEquals(List.of(new Note(60, 100, 120, 120)), q.track(0).notes());
    }

    @Test
    void replaceRangeSwapsOnlyNotesStartingInside() {
        Note before = new Note(60, 100, 0, 480);
        Note inside = new Note(62, 100, 480, 480);
        Note after = new Note(64, 100, 960, 480);
        Song song = new AddNotes(0, List.of(before, inside, after)).apply(Song.empty());
        Note replacement = new Note(67, 90, 480, 240);
        Song r = new ReplaceRange(0, 480, 960, List.of(replacement)).apply(song);
        assertEquals(List.of(before, replacement, after), r.track(0).notes());
        assertNotEquals(song, r);
    }

    static Song randomSong(Random rnd) {
        List<Track> tracks = new ArrayList<>();
        int trackCount = 1 + rnd.nextInt(3);
        for (int t = 0; t < trackCount; t++) {
            List<Note> notes = new ArrayList<>();
            int n = rnd.nextInt(30);
            for (int i = 0; i < n; i++) {
                notes.add(randomNote(rnd));
            }
            tracks.add(new Track("T" + t, t, rnd.nextInt(128), notes));
        }
        return Song.of(480, 60 + rnd.nextInt(120), tracks);
    }

    static Note randomNote(Random rnd) {
        return new Note(30 + rnd.nextInt(60), 1 + rnd.nextInt(127), rnd.nextInt(20) * 120L, 1 + rnd.nextInt(960));
    }

    /** A random valid edit of the current song, or null when the chosen kind has nothing to act on. */
    static SongEdit randomEdit(Song song, Random rnd) {
        int track = rnd.nextInt(song.tracks().size());
        List<Note> notes = song.track(track).notes();
        List<Note> some = new ArrayList<>();
        for (Note n : notes) {
            if (rnd.nextInt(3) == 0) some.add(n);
        }
        switch (rnd.nextInt(9)) {
            case 0: {
                List<Note> add = new ArrayList<>();
                for (int i = 0, k = 1 + rnd.nextInt(4); i < k; i++) add.add(randomNote(rnd));
                return new AddNotes(track, add);
            }
            case 1:
                return some.isEmpty() ? null : new RemoveNotes(track, some);
            case 2:
                return some.isEmpty() ? null : new MoveNotes(track, some, rnd.nextInt(480), rnd.nextInt(7) - 3);
            case 3:
                return some.isEmpty() ? null : new ResizeNotes(track, some, rnd.nextInt(481) - 240, 1);
            case 4:
                return some.isEmpty() ? null : new TransposeNotes(track, some, rnd.nextBoolean() ? 12 : -1);
            case 5:
                return some.isEmpty() ? null : new SetVelocity(track, some, 1 + rnd.nextInt(127));
            case 6:
                return some.isEmpty() ? null : new QuantizeNotes(track, some, 240, rnd.nextBoolean());
            case 7: {
                long from = rnd.nextInt(10) * 240L;
                return new ReplaceRange(track, from, from + 960, List.of(randomNote(rnd)));
            }
            default: {
                List<SongEdit> parts = new ArrayList<>();
                parts.add(new AddNotes(track, List.of(randomNote(rnd))));
                if (!some.isEmpty()) parts.add(new SetVelocity(track, some, 64));
                return new CompoundEdit("Paste", parts);
            }
        }
    }
}

package org.melodist.song.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

class AcceptContinuationTest {

    private static final Note HELD = new Note(64, 90, 1680, 480); // sounds from 1680 to 2160
    private static final Note BEFORE = new Note(60, 90, 0, 480);
    private static final Note IN_RANGE = new Note(67, 90, 2400, 240);
    private static final Note AFTER = new Note(72, 90, 4000, 240);

    private static Song song() {
        return Song.of(480, 120, List.of(Track.of("Lead", 0, 0, List.of(BEFORE, HELD, IN_RANGE, AFTER)),
                Track.of("Bass", 1, 32, List.of(new Note(36, 90, 0, 3840)))));
    }

    @Test
    void theContinuationReplacesItsRangeAndAHeldSeedNoteIsShortened() {
        Song before = song();
        List<Note> continuation = List.of(new Note(65, 80, 1800, 240), new Note(69, 80, 2040, 480));
        CompoundEdit edit = AcceptContinuation.of(before, 0, List.of(BEFORE, HELD), 1800, 3840, continuation,
                "Accept variation 2");
        Song after = edit.apply(before);

        List<Note> expected = new ArrayList<>(List.of(BEFORE, HELD.withDuration(120), AFTER));
        expected.addAll(continuation);
        expected.sort(null);
        assertEquals(expected, after.track(0).notes(), "seed kept and cut at 1800, range replaced, the note after it kept");
        assertEquals(before.track(1), after.track(1), "other tracks untouched");
        assertEquals("Accept variation 2", edit.name());
        assertEquals(song(), before, "the old song is intact, for undo");
    }

    @Test
    void aSeedNoteNoLongerInTheTrackIsLeftAlone() {
        Note gone = new Note(62, 90, 1700, 400);
        Song before = song();
        List<Note> continuation = List.of(new Note(65, 80, 1800, 240));
        Song after = AcceptContinuation.of(before, 0, List.of(gone), 1800, 2000, continuation, "Accept").apply(before);
        List<Note> expected = new ArrayList<>(List.of(BEFORE, HELD, IN_RANGE, AFTER));
        expected.addAll(continuation);
        expected.sort(null);
        assertEquals(expected, after.track(0).notes(), "no note is added back for a seed note the user deleted");
        assertEquals(1, AcceptContinuation.of(before, 0, List.of(gone), 1800, 2000, continuation, "Accept").edits().size(),
                "nothing to shorten: one step");
    }

    @Test
    void cutAtKeepsNotesBeforeTheTickAndShortensTheOnesSoundingThrough() {
        assertEquals(List.of(BEFORE, HELD.withDuration(320)), AcceptContinuation.cutAt(List.of(BEFORE, HELD, IN_RANGE), 2000));
    }
}

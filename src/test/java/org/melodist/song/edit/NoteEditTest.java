package org.melodist.song.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

class NoteEditTest {

    private final Note a = new Note(60, 100, 0, 240);
    private final Note b = new Note(64, 90, 480, 240);
    private final Note other = new Note(67, 80, 960, 240);

    @Test
    void theSongChangeAndTheReportedChangesAgree() {
        Song song = Song.of(480, 120, List.of(new Track("t", 0, 0, List.of(a, b, other))));
        NoteEdit move = new MoveNotes(0, List.of(a, b), 120, 2);
        assertEquals(List.of(new NoteEdit.Change(a, new Note(62, 100, 120, 240)),
                new NoteEdit.Change(b, new Note(66, 90, 600, 240))), move.changes());
        List<Note> after = move.apply(song).track(0).notes();
        for (NoteEdit.Change c : move.changes()) {
            assertTrue(after.contains(c.after()), c.toString());
        }
        assertTrue(after.contains(other));
    }

    @Test
    void aSelectionFollowsItsNotesAndKeepsTheRest() {
        NoteEdit velocity = new SetVelocity(0, List.of(b), 30);
        assertEquals(List.of(a, b.withVelocity(30), other), velocity.carry(List.of(a, b, other)));
        assertEquals(List.of(a), velocity.carry(List.of(a)), "a note the edit did not touch stays");

        Note twin = new Note(60, 100, 0, 240);
        NoteEdit transpose = new TransposeNotes(0, List.of(a, twin), 12);
        assertEquals(List.of(a.withPitch(72), a.withPitch(72)), transpose.carry(List.of(a, twin)),
                "equal notes are matched one to one");
        NoteEdit one = new TransposeNotes(0, List.of(a), 12);
        assertEquals(List.of(a.withPitch(72), a), one.carry(List.of(a, twin)), "only as many as the edit changed");
    }

    @Test
    void quantizeReportsSnappedStartsAndEnds() {
        Note off = new Note(60, 100, 130, 200);
        assertEquals(off.withStart(120), new QuantizeNotes(0, List.of(off), 120, false).change(off));
        assertEquals(new Note(60, 100, 120, 240), new QuantizeNotes(0, List.of(off), 120, true).change(off));
    }
}

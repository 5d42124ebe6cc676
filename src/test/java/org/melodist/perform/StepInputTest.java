package org.melodist.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.perform.Midi.off;
import static org.melodist.perform.Midi.on;
import static org.melodist.perform.Midi.onZero;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.song.edit.EditHistory;

class StepInputTest {

    final List<StepInput.Step> steps = new ArrayList<>();

    @Test
    void eachNoteGoesInAtTheCursorWithTheGridLengthAndTheCursorAdvances() {
        StepInput in = new StepInput(0, 960, 240, steps::add);
        in.send(on(60, 70), 5);
        in.send(off(60), 999_999);
        in.send(on(62, 100), -1);
        in.send(onZero(62), -1);
        assertEquals(2, steps.size());
        assertEquals(List.of(new Note(60, 70, 960, 240)), steps.get(0).notes());
        assertEquals(List.of(new Note(62, 100, 1200, 240)), steps.get(1).notes());
        assertEquals(1440, in.cursor());
        assertEquals(1440, steps.get(1).nextCursor());
    }

    @Test
    void keysHeldTogetherGoInAsOneChordAndOneUndoStep() {
        Song song = Song.of(480, 120, List.of(new Track("Piano", 0, 0, List.of())));
        EditHistory history = new EditHistory(song);
        StepInput in = new StepInput(0, 0, 480, s -> history.apply(s.edit()));
        in.send(on(60, 80), -1);
        in.send(on(64, 81), -1);
        in.send(off(60), -1);          // one key up, one still down: the chord is not finished
        in.send(on(67, 82), -1);       // a third key joins the chord
        in.send(off(64), -1);
        assertEquals(0, history.current().track(0).notes().size());
        in.send(off(67), -1);
        assertEquals(List.of(new Note(60, 80, 0, 480), new Note(64, 81, 0, 480), new Note(67, 82, 0, 480)),
                history.current().track(0).notes());
        assertEquals("Step input 3 notes", history.undoName().orElseThrow());
        assertEquals(480, in.cursor());
        history.undo();
        assertTrue(history.current().track(0).notes().isEmpty());
    }

    @Test
    void theCursorAndLengthFollowThePlayheadAndGrid() {
        StepInput in = new StepInput(0, 0, 480, steps::add);
        in.moveTo(1920);
        in.setLength(120);
        in.send(on(72, 90), -1);
        in.moveTo(0); // moving while a chord is down does not split it
        in.send(off(72), -1);
        assertEquals(List.of(new Note(72, 90, 1920, 120)), steps.get(0).notes());
        assertEquals(2040, in.cursor());
    }
}

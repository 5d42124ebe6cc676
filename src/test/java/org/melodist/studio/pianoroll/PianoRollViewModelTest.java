package org.melodist.studio.pianoroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.studio.document.SongDocument;

class PianoRollViewModelTest {

    private SongDocument doc;
    private PianoRollViewModel vm;

    @BeforeEach
    void setUp() {
        Song song = Song.of(480, 120, List.of(
                Track.of("Lead", 0, 0, List.of(new Note(60, 90, 0, 480), new Note(64, 90, 480, 480))),
                Track.of("Bass", 1, 32, List.of(new Note(36, 90, 0, 1920)))));
        doc = new SongDocument(song);
        vm = new PianoRollViewModel(doc);
        vm.gridProperty().set(GridDivision.EIGHTH);
    }

    private List<Note> lead() {
        return doc.current().track(0).notes();
    }

    @Test
    void drawingSnapsToTheGridAndUsesItsLength() {
        Note n = vm.drawNote(67, 1000, true);
        assertEquals(new Note(67, PianoRollViewModel.DEFAULT_VELOCITY, 960, 240), n);
        assertTrue(lead().contains(n));
        assertEquals(List.of(n), vm.selection());
        assertTrue(doc.isDirty());
        assertEquals("Add 1 note", doc.undoNameProperty().get());
        Note free = vm.drawNote(67, 1001, false);
        assertEquals(1001, free.start());
    }

    @Test
    void everyEditUndoesAndRedoesAsOneStep() {
        Song original = doc.current();
        vm.selectAll();
        vm.transpose(12);
        assertEquals(List.of(72, 76), lead().stream().map(Note::pitch).toList());
        vm.move(240, -1);
        assertEquals(List.of(240L, 720L), lead().stream().map(Note::start).toList());
        vm.resize(120, true);
        vm.quantize();
        vm.deleteSelection();
        assertTrue(lead().isEmpty());
        for (int i = 0; i < 5; i++) vm.undo();
        assertEquals(original, doc.current());
        assertFalse(doc.isDirty(), "undoing back to the opened state is clean");
        for (int i = 0; i < 5; i++) vm.redo();
        assertTrue(lead().isEmpty());
        assertTrue(doc.isDirty());
    }

    @Test
    void transposeKeepsTheSelectionAndRefusesToLeaveTheMidiRange() {
        vm.selectOnly(List.of(new Note(64, 90, 480, 480)));
        vm.transpose(-12);
        assertEquals(List.of(new Note(52, 90, 480, 480)), vm.selection());
        vm.transpose(200);
        assertEquals("Cannot transpose: a note would leave the MIDI range", vm.messageProperty().get());
        assertEquals(52, vm.selection().get(0).pitch());
    }

    @Test
    void copyPasteAtThePlayheadAndCut() {
        vm.selectAll();
        vm.copy();
        vm.playheadProperty().set(1920);
        vm.paste();
        assertEquals(4, lead().size());
        assertEquals(List.of(new Note(60, 90, 1920, 480), new Note(64, 90, 2400, 480)), vm.selection());
        assertEquals("Paste 2 notes", doc.undoNameProperty().get());
        vm.cut();
        assertEquals(2, lead().size());
        vm.playheadProperty().set(0);
        vm.paste();
        assertEquals(4, lead().size(), "equal notes may sit on top of each other");
        vm.undo();
        vm.undo();
        assertEquals(4, lead().size());
    }

    @Test
    void duplicatePlacesTheCopyRightAfterTheSelection() {
        vm.selectAll();
        vm.duplicate();
        assertEquals(List.of(new Note(60, 90, 960, 480), new Note(64, 90, 1440, 480)), vm.selection());
        assertEquals(4, lead().size());
    }

    @Test
    void selectionFollowsClicksAndUndo() {
        Note a = lead().get(0);
        Note b = lead().get(1);
        vm.click(a, false);
        vm.click(b, true);
        assertEquals(List.of(a, b), vm.selection());
        vm.click(a, true);
        assertEquals(List.of(b), vm.selection());
        vm.move(480, 0);
        vm.undo();
        assertTrue(vm.selection().isEmpty(), "a note that no longer exists cannot stay selected");
        vm.selectRegion(List.of(a), true);
        assertEquals(List.of(a), vm.selection());
    }

    @Test
    void velocityEditsTheGivenNotesAndKeepsThemSelected() {
        vm.selectAll();
        vm.setVelocity(vm.selection(), 120);
        assertEquals(List.of(120, 120), lead().stream().map(Note::velocity).toList());
        assertEquals(List.of(120, 120), vm.selection().stream().map(Note::velocity).toList());
        assertEquals(120, vm.drawVelocityProperty().get());
    }

    @Test
    void editsActOnTheChosenTrackOnly() {
        vm.trackIndexProperty().set(1);
        vm.selectAll();
        vm.transpose(1);
        assertEquals(37, doc.current().track(1).notes().get(0).pitch());
        assertEquals(60, lead().get(0).pitch());
    }

    @Test
    void movesAreClampedAtTickZeroAndTheMidiRange() {
        vm.selectAll();
        vm.move(-10_000, 0);
        assertEquals(0, lead().get(0).start(), "the earliest note stops at tick 0");
        assertEquals(-480, vm.clampTickDelta(List.of(new Note(60, 90, 480, 10)), -1000));
        assertEquals(63, vm.clampPitchDelta(List.of(new Note(64, 90, 0, 10)), 100));
        Note offGrid = new Note(60, 90, 500, 10);
        assertEquals(-20, vm.snappedMoveDelta(offGrid, 0, true), "snapping lands the note on 480");
        assertEquals(220, vm.snappedMoveDelta(offGrid, 230, true), "500 + 230 snaps to 720");
        assertEquals(230, vm.snappedMoveDelta(offGrid, 230, false), "Alt: no snapping");
    }

    @Test
    void settingsTravelInTheSongProperties() {
        vm.scaleKeyProperty().set(Key.parse("G major"));
        vm.gridProperty().set(GridDivision.SIXTEENTH_TRIPLET);
        vm.setLoop(1920, 0);
        Song saved = vm.writeSettings(doc.current());
        PianoRollViewModel other = new PianoRollViewModel(new SongDocument(saved));
        other.readSettings(saved);
        assertEquals(Key.parse("G major"), other.scaleKeyProperty().get());
        assertEquals(GridDivision.SIXTEENTH_TRIPLET, other.gridProperty().get());
        assertEquals(0, other.loopStartProperty().get());
        assertEquals(1920, other.loopEndProperty().get());
        assertTrue(other.loopEnabledProperty().get());
    }
}

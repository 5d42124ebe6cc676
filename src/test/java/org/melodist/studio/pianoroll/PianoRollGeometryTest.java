package org.melodist.studio.pianoroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.melodist.song.Note;

class PianoRollGeometryTest {

    @Test
    void ticksAndPitchesMapToPixelsAndBack() {
        PianoRollGeometry g = new PianoRollGeometry(0.1, 10);
        g.setScrollTick(480);
        g.setScrollRow(127 - 80, 400);
        assertEquals(0, g.tickToX(480), 1e-9);
        assertEquals(48, g.tickToX(960), 1e-9);
        assertEquals(960, g.xToTick(48));
        assertEquals(0, g.pitchToY(80), 1e-9);
        assertEquals(10, g.pitchToY(79), 1e-9);
        assertEquals(80, g.yToPitch(0.5));
        assertEquals(79, g.yToPitch(15));
        for (int p = 40; p <= 80; p++) {
            assertEquals(p, g.yToPitch(g.pitchToY(p) + 5), "pitch " + p);
        }
    }

    @Test
    void zoomKeepsTheTickUnderTheMouse() {
        PianoRollGeometry g = new PianoRollGeometry(0.1, 10);
        g.setScrollTick(1000);
        double before = g.xToTickExact(300);
        g.zoomX(2, 300);
        assertEquals(0.2, g.pixelsPerTick(), 1e-9);
        assertEquals(before, g.xToTickExact(300), 1e-6);
        g.zoomX(1e9, 300);
        assertEquals(PianoRollGeometry.MAX_PIXELS_PER_TICK, g.pixelsPerTick(), 1e-9);
    }

    @Test
    void scrollingStopsAtTheEdgesOfTheMidiRange() {
        PianoRollGeometry g = new PianoRollGeometry(0.1, 10);
        g.setScrollRow(-5, 400);
        assertEquals(0, g.scrollRow(), 1e-9);
        g.setScrollRow(1000, 400);
        assertEquals(128 - 40, g.scrollRow(), 1e-9);
        g.setScrollTick(-100);
        assertEquals(0, g.scrollTick(), 1e-9);
    }

    @Test
    void hitTestFindsBodyAndRightEdge() {
        PianoRollGeometry g = new PianoRollGeometry(0.1, 10);
        g.setScrollRow(127 - 72, 400);
        Note n = new Note(60, 100, 480, 480); // x 48..96, row of pitch 60 at y 120..130
        List<Note> notes = List.of(new Note(62, 100, 0, 240), n);
        long max = PianoRollGeometry.maxDuration(notes);
        Optional<PianoRollGeometry.Hit> body = g.hit(notes, max, 60, 125);
        assertTrue(body.isPresent());
        assertEquals(n, body.get().note());
        assertEquals(PianoRollGeometry.Part.BODY, body.get().part());
        assertEquals(PianoRollGeometry.Part.END, g.hit(notes, max, 94, 125).orElseThrow().part());
        assertTrue(g.hit(notes, max, 60, 115).isEmpty(), "row above");
        assertTrue(g.hit(notes, max, 100, 125).isEmpty(), "after the note");
    }

    @Test
    void candidateRangeCoversLongNotesStartingBeforeTheView() {
        List<Note> notes = new ArrayList<>();
        notes.add(new Note(60, 90, 0, 10_000)); // still sounding at tick 5000
        for (int i = 0; i < 20_000; i++) notes.add(new Note(40 + i % 40, 90, 1000 + i * 120L, 100));
        notes.sort(null);
        long max = PianoRollGeometry.maxDuration(notes);
        int[] r = PianoRollGeometry.candidateRange(notes, max, 5000, 6000);
        assertEquals(0, r[0], "the long note starting at 0 must be a candidate");
        assertTrue(r[1] - r[0] < 100, "only a window of notes is walked, not " + (r[1] - r[0]));
        assertTrue(notes.get(r[1] - 1).start() <= 6000);
        assertTrue(r[1] == notes.size() || notes.get(r[1]).start() > 6000);
    }

    @Test
    void rubberBandSelectsOverlappingNotesOnly() {
        PianoRollGeometry g = new PianoRollGeometry(0.1, 10);
        g.setScrollRow(127 - 72, 400);
        Note inside = new Note(60, 100, 480, 240);
        Note otherRow = new Note(50, 100, 480, 240);
        Note later = new Note(60, 100, 4800, 240);
        List<Note> notes = new ArrayList<>(List.of(inside, otherRow, later));
        notes.sort(null);
        List<Note> found = g.notesInRect(notes, 240, 40, 100, 80, 140); // ticks 400..800, pitches 58..62
        assertEquals(List.of(inside), found);
    }

    @Test
    void gridDivisionsIncludeTripletsAndSnapToTheNearestLine() {
        assertEquals(1920, GridDivision.WHOLE.ticks(480));
        assertEquals(60, GridDivision.THIRTY_SECOND.ticks(480));
        assertEquals(160, GridDivision.EIGHTH_TRIPLET.ticks(480));
        assertEquals(320, GridDivision.QUARTER_TRIPLET.ticks(480));
        assertEquals(240, GridDivision.EIGHTH.snap(300, 480));
        assertEquals(480, GridDivision.EIGHTH.snap(400, 480));
        assertEquals(240, GridDivision.EIGHTH.floor(470, 480));
        assertEquals(GridDivision.SIXTEENTH_TRIPLET, GridDivision.fromLabel("1/16T"));
    }
}

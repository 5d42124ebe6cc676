package org.melodist.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SongModelTest {

    @Test
    void invalidNotesAreRefusedWithClearMessages() {
        assertEquals("pitch 128 is outside the MIDI range 0-127",
                assertThrows(IllegalArgumentException.class, () -> new Note(128, 100, 0, 10)).getMessage());
        assertEquals("duration -1 is negative",
                assertThrows(IllegalArgumentException.class, () -> new Note(60, 100, 0, -1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Note(60, 0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Note(60, 100, -5, 10));
        assertThrows(IllegalArgumentException.class, () -> new Track("x", 16, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TimeSignature(3, 5));
        assertThrows(IllegalArgumentException.class, () -> new TempoChange(0, 0));
    }

    @Test
    void tracksKeepTheirNotesSorted() {
        Track t = new Track("x", 0, 0, List.of(new Note(64, 100, 480, 10), new Note(60, 100, 0, 10), new Note(55, 100, 480, 10)));
        assertEquals(List.of(0L, 480L, 480L), t.notes().stream().map(Note::start).toList());
        assertEquals(55, t.notes().get(1).pitch());
        assertEquals(1, t.firstNoteAtOrAfter(1));
        assertEquals(3, t.firstNoteAtOrAfter(481));
        assertEquals(0, Track.firstStartingAtOrAfter(List.of(), 100));
        assertEquals(1, Track.firstStartingAtOrAfter(t.notes(), 480), "the first of two notes at 480");
    }

    @Test
    void tempoMapConvertsTicksAndSecondsBothWays() {
        TempoMap map = TempoMap.of(List.of(new TempoChange(0, 120), new TempoChange(960, 60)));
        assertEquals(1.0, map.seconds(960, 480), 1e-12);
        assertEquals(2.0, map.seconds(1440, 480), 1e-12);
        assertEquals(1440.0, map.tickAt(2.0, 480), 1e-9);
        assertEquals(480.0, map.tickAt(0.5, 480), 1e-9);
    }

    @Test
    void keysParseSpellAndConvertToMidiSignatures() {
        assertEquals("G major", Key.fromMidi(1, false).toString());
        assertEquals("Eb major", Key.fromMidi(-3, false).toString());
        assertEquals("F# minor", Key.fromMidi(3, true).toString());
        assertEquals(-3, Key.parse("C minor").sharpsFlats());
        assertEquals(Key.parse("Bb major"), Key.parse("bb"));
        assertEquals(Key.parse("A minor"), Key.parse("Am"));
        for (int sf = -6; sf <= 6; sf++) {
            for (boolean minor : new boolean[] {false, true}) {
                Key k = Key.fromMidi(sf, minor);
                assertEquals(k, Key.parse(k.toString()));
                assertEquals(k, Key.fromMidi(k.sharpsFlats(), minor));
            }
        }
        Key g = Key.parse("G major");
        assertTrue(g.contains(66));
        assertFalse(g.contains(65));
        assertThrows(IllegalArgumentException.class, () -> Key.parse("H major"));
    }

    @Test
    void pitchNamesFollowScientificNotation() {
        assertEquals(60, PitchNames.parse("C4"));
        assertEquals(69, PitchNames.parse("A4"));
        assertEquals(66, PitchNames.parse("F#4"));
        assertEquals(70, PitchNames.parse("Bb4"));
        assertEquals(59, PitchNames.parse("Cb4"));
        assertEquals(0, PitchNames.parse("C-1"));
        assertEquals("C#4", PitchNames.name(61));
        assertThrows(IllegalArgumentException.class, () -> PitchNames.parse("X4"));
        assertThrows(IllegalArgumentException.class, () -> PitchNames.parse("C"));
        assertThrows(IllegalArgumentException.class, () -> PitchNames.parse("G#9"));
    }
}

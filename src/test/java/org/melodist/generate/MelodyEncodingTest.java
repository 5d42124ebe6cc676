package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

class MelodyEncodingTest {

    private final MelodyEncoding enc = MelodyEncoding.DEFAULT;

    @Test
    void gridAlignedLineSurvivesEncodeAndDecode() {
        // quarter, eighth, rest of an eighth, dotted quarter, sixteenth at 480 ppq from bar 2
        List<Note> notes = List.of(
                new Note(60, 90, 1920, 480),
                new Note(62, 90, 2400, 240),
                new Note(67, 90, 2880, 720),
                new Note(72, 90, 3600, 120));
        long first = 16;
        int[] tokens = enc.encode(notes, 480, first, 31);
        assertEquals(15, tokens.length);
        assertEquals(enc.noteOn(60), tokens[0]);
        assertEquals(MelodyEncoding.HOLD, tokens[3]);
        assertEquals(MelodyEncoding.REST, tokens[6]);
        assertEquals(notes, enc.decode(tokens, first, 480, 90));
    }

    @Test
    void outOfRangePitchesAreOctaveShiftedNotDropped() {
        assertEquals(48 + 2, enc.fold(26));
        assertEquals(96 - 11, enc.fold(109));
        assertEquals(70, enc.fold(70));
        int[] tokens = enc.encode(List.of(new Note(30, 90, 0, 480), new Note(110, 90, 480, 480)), 480, 0, 8);
        List<Note> back = enc.decode(tokens, 0, 480, 90);
        assertEquals(2, back.size());
        assertEquals(54, back.get(0).pitch());
        assertEquals(86, back.get(1).pitch());
        assertEquals(30 % 12, back.get(0).pitch() % 12);
        assertEquals(110 % 12, back.get(1).pitch() % 12);
    }

    @Test
    void laterOnsetCutsTheSoundingNoteAndOffGridOnsetsSnap() {
        List<Note> notes = List.of(new Note(60, 90, 0, 960), new Note(64, 90, 250, 200));
        int[] tokens = enc.encode(notes, 480, 0, 8);
        assertArrayEquals(new int[] {enc.noteOn(60), MelodyEncoding.HOLD, enc.noteOn(64), MelodyEncoding.HOLD,
                MelodyEncoding.REST, MelodyEncoding.REST, MelodyEncoding.REST, MelodyEncoding.REST}, tokens);
    }

    @Test
    void barPositionsFollowTheMetre() {
        assertEquals(16, enc.stepsPerBar(TimeSignature.FOUR_FOUR));
        assertEquals(12, enc.stepsPerBar(new TimeSignature(6, 8)));
        assertEquals(12, enc.stepsPerBar(new TimeSignature(3, 4)));
        assertEquals(5, enc.barPosition(17, 12));
        assertEquals(31, enc.barPosition(40, 48), "positions beyond the table are capped");
    }

    @Test
    void transpositionMovesOnlyNoteOnsAndRangeIsChecked() {
        int[] tokens = {enc.noteOn(60), MelodyEncoding.HOLD, MelodyEncoding.REST, enc.noteOn(67)};
        int[] up = enc.transpose(tokens, 5);
        assertArrayEquals(new int[] {enc.noteOn(65), MelodyEncoding.HOLD, MelodyEncoding.REST, enc.noteOn(72)}, up);
        assertArrayEquals(new int[] {60, 67}, enc.pitchSpan(tokens));
        assertThrows(IllegalArgumentException.class, () -> enc.transpose(tokens, 40));
        EncodedTune tune = new EncodedTune("t", tokens, 0, 16);
        List<EncodedTune> keys = MelodyCorpus.transpositions(tune, enc);
        assertEquals(12, keys.size());
        assertTrue(keys.stream().map(k -> enc.pitchOf(k.token(0)) % 12).distinct().count() == 12);
    }

    @Test
    void holdAfterRestDecodesAsSilence() {
        int[] tokens = {MelodyEncoding.HOLD, MelodyEncoding.REST, MelodyEncoding.HOLD, enc.noteOn(62), MelodyEncoding.HOLD};
        List<Note> notes = enc.decode(tokens, 4, 480, 80);
        assertEquals(List.of(new Note(62, 80, 7 * 120, 240)), notes);
    }
}

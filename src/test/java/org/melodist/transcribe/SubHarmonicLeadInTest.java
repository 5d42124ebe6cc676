package org.melodist.transcribe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Short notes at a sub-harmonic of the note they lead into are that note's attack, not notes of their own. */
class SubHarmonicLeadInTest {

    private static List<int[]> runs(int[]... r) {
        return new ArrayList<>(List.of(r));
    }

    @Test
    void aShortRunAnOctaveAFifthOrTwoOctavesBelowTheNextStartsIt() {
        for (int below : new int[] {12, 19, 24}) {
            List<int[]> out = NoteSegmenter.withoutSubOctaveLeadIns(
                    runs(new int[] {0, 20, 62, 0}, new int[] {20, 28, 67 - below, 0}, new int[] {28, 60, 67, 1}), 13);
            assertEquals(2, out.size(), below + " semitones below");
            assertArrayEquals(new int[] {0, 20, 62, 0}, out.get(0));
            assertArrayEquals(new int[] {20, 60, 67, 0}, out.get(1), "the note starts at the lead-in, timed as it was");
        }
    }

    @Test
    void otherIntervalsLongRunsAndRunsAfterASilenceStay() {
        List<int[]> fifth = runs(new int[] {20, 28, 60}, new int[] {28, 60, 67});
        assertEquals(2, NoteSegmenter.withoutSubOctaveLeadIns(fifth, 13).size(), "a fifth is a melody");
        List<int[]> longOctave = runs(new int[] {0, 20, 55}, new int[] {20, 60, 67});
        assertEquals(2, NoteSegmenter.withoutSubOctaveLeadIns(longOctave, 13).size(), "a long note an octave below");
        List<int[]> afterRest = runs(new int[] {0, 8, 55}, new int[] {20, 60, 67});
        assertEquals(2, NoteSegmenter.withoutSubOctaveLeadIns(afterRest, 13).size(), "a silence between them");
        List<int[]> above = runs(new int[] {0, 8, 79}, new int[] {8, 60, 67});
        assertEquals(2, NoteSegmenter.withoutSubOctaveLeadIns(above, 13).size(), "an octave above");
    }
}

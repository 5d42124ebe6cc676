package org.melodist.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How long before the spectral change a recording's legato notes begin, as measured against its detected onsets. */
class NoteSegmenterLagTest {

    private static double[] changes(int n) {
        return IntStream.range(0, n).mapToDouble(i -> 1.0 + 0.5 * i).toArray();
    }

    private static double[] before(double[] changes, double sec) {
        return java.util.Arrays.stream(changes).map(c -> c - sec).toArray();
    }

    @Test
    void aSlowAttackGivesALongerLagThanTheDefault() {
        double[] c = changes(12);
        assertEquals(0.062, NoteSegmenter.changeLag(c, before(c, 0.062)), 1e-9);
        assertEquals(0.025, NoteSegmenter.changeLag(c, before(c, 0.025)), 1e-9);
    }

    @Test
    void theLagStaysWithinItsBoundsAndUnmeasuredChangesDoNotCount() {
        double[] c = changes(12);
        assertEquals(0.02, NoteSegmenter.changeLag(c, before(c, 0.005)), 1e-9, "clamped below");
        assertEquals(0.07, NoteSegmenter.changeLag(c, before(c, 0.095)), 1e-9, "clamped above");
        double[] some = c.clone();
        for (int i = 0; i < some.length; i += 2) {
            some[i] = Double.NaN;
        }
        assertEquals(0.04, NoteSegmenter.changeLag(some, before(c, 0.06)), 1e-9, "six changes are too few to measure");
    }

    @Test
    void withTooFewChangesToMeasureTheDefaultLagHolds() {
        double[] c = changes(7);
        assertEquals(0.04, NoteSegmenter.changeLag(c, before(c, 0.15)), 1e-9, "onsets too far before the changes");
        assertEquals(0.04, NoteSegmenter.changeLag(c, new double[0]), 1e-9);
    }

    @Test
    void changesTheDetectorHardlySeesAreSlowAttacksWithTheLongestLag() {
        double[] c = changes(12);
        assertEquals(0.07, NoteSegmenter.changeLag(c, before(c, 0.15)), 1e-9, "onsets too far before the changes");
        assertEquals(0.07, NoteSegmenter.changeLag(c, before(c, -0.02)), 1e-9, "onsets after the changes");
        assertEquals(0.07, NoteSegmenter.changeLag(c, new double[0]), 1e-9, "no onsets at all");
        // three of twelve changes with an onset before them: under a third, slow
        double[] three = java.util.Arrays.copyOf(before(c, 0.03), 3);
        assertEquals(0.07, NoteSegmenter.changeLag(c, three), 1e-9);
        // five of twelve: too few to measure, but the detector sees the attacks; the default holds
        double[] five = java.util.Arrays.copyOf(before(c, 0.03), 5);
        assertEquals(0.04, NoteSegmenter.changeLag(c, five), 1e-9);
    }
}

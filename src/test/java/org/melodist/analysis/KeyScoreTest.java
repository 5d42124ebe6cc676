package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.melodist.song.Key;

/** The MIREX key score's categories, in both directions and both modes. */
class KeyScoreTest {

    private static Key major(int tonic) {
        return new Key(tonic, Key.Mode.MAJOR);
    }

    private static Key minor(int tonic) {
        return new Key(tonic, Key.Mode.MINOR);
    }

    @Test
    void categoriesOfTheMirexScore() {
        assertEquals(KeyScore.SAME, KeyScore.of(major(7), major(7)));
        assertEquals(KeyScore.FIFTH, KeyScore.of(major(0), major(7)));   // C -> G
        assertEquals(KeyScore.FIFTH, KeyScore.of(major(0), major(5)));   // C -> F
        assertEquals(KeyScore.FIFTH, KeyScore.of(minor(9), minor(4)));   // A minor -> E minor
        assertEquals(KeyScore.RELATIVE, KeyScore.of(major(0), minor(9))); // C major -> A minor
        assertEquals(KeyScore.RELATIVE, KeyScore.of(minor(4), major(7))); // E minor -> G major
        assertEquals(KeyScore.PARALLEL, KeyScore.of(major(2), minor(2)));
        assertEquals(KeyScore.OTHER, KeyScore.of(major(0), major(2)));
        assertEquals(KeyScore.OTHER, KeyScore.of(major(0), minor(4)));
        assertEquals(0.3, KeyScore.RELATIVE.weight());
    }
}

package org.melodist.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Harmonic salience where YIN fails: two notes sounding at once. */
class HarmonicSalienceTest {

    private static final int RATE = 11_025;

    @Test
    void twoOverlappingNotesAreSalientAndTheirCommonSubHarmonicIsNot() {
        // F#5 fading under A5 (a minor third, 5:6): YIN hears their common period, D3, two and a half octaves down
        List<SyntheticSinger.SungNote> notes = List.of(new SyntheticSinger.SungNote(78, 0, 1),
                new SyntheticSinger.SungNote(81, 0, 1));
        float[] x = SyntheticSinger.sing(notes, SyntheticSinger.Style.PLAIN, RATE, 1, 1);
        double[] s = new HarmonicSalience(x, RATE).relative(0.5, 24, 108, 0);
        assertTrue(s[78 - 24] > 0.8 && s[81 - 24] > 0.8, "both notes: " + s[78 - 24] + ", " + s[81 - 24]);
        assertTrue(s[50 - 24] < 0.5, "the common sub-harmonic D3: " + s[50 - 24]);
        assertTrue(s[69 - 24] < 0.8, "A4, an octave below A5: " + s[69 - 24]);
    }

    @Test
    void aSingleNoteIsTheMostSalientAndItsOctavesAreNot() {
        float[] x = SyntheticSinger.sing(List.of(new SyntheticSinger.SungNote(62.3, 0, 1)),
                SyntheticSinger.Style.PLAIN, RATE, 1, 1);
        double[] s = new HarmonicSalience(x, RATE).relative(0.5, 24, 108, 0.3);
        assertEquals(1.0, s[62 - 24], 1e-9);
        assertTrue(s[50 - 24] < 0.8 && s[74 - 24] < 0.8, "octaves: " + s[50 - 24] + ", " + s[74 - 24]);
    }

    @Test
    void tonesAreHarmonicAndNoiseIsNot() {
        List<SyntheticSinger.SungNote> two = List.of(new SyntheticSinger.SungNote(78, 0, 1),
                new SyntheticSinger.SungNote(81, 0, 1));
        HarmonicSalience tones = new HarmonicSalience(SyntheticSinger.sing(two, SyntheticSinger.Style.PLAIN, RATE, 1, 1), RATE);
        tones.relative(0.5, 24, 108, 0);
        assertTrue(tones.lastHarmonicity() > 0.9, "two tones: " + tones.lastHarmonicity());
        float[] noise = SyntheticSinger.sing(List.of(), SyntheticSinger.Style.PLAIN.withNoise(-20), RATE, 1, 1);
        HarmonicSalience hiss = new HarmonicSalience(noise, RATE);
        hiss.relative(0.5, 24, 108, 0);
        assertTrue(hiss.lastHarmonicity() < 0.3, "white noise: " + hiss.lastHarmonicity());
    }

    @Test
    void silenceHasNoSalience() {
        double[] s = new HarmonicSalience(new float[RATE], RATE).relative(0.5, 24, 108, 0);
        for (double v : s) {
            assertEquals(0, v, 0);
        }
    }
}

package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SlidingMedianTest {

    @Test
    void slidingMedianEqualsSortingEachWindow() {
        Random rnd = new Random(9);
        for (int trial = 0; trial < 20; trial++) {
            float[] x = new float[500];
            for (int i = 0; i < x.length; i++) {
                // few distinct values in some trials: ties must work too
                x[i] = trial % 2 == 0 ? (float) rnd.nextGaussian() : rnd.nextInt(4);
            }
            SlidingMedian m = new SlidingMedian(31);
            for (int i = 0; i < 31; i++) {
                m.add(x[i]);
            }
            for (int start = 0; start + 31 <= x.length; start++) {
                if (start > 0) {
                    m.replace(x[start - 1], x[start + 30]);
                }
                float[] w = Arrays.copyOfRange(x, start, start + 31);
                Arrays.sort(w);
                assertEquals(w[15], m.median(), 0.0, "window at " + start);
            }
        }
    }

    @Test
    void otherWindowSizesToo() {
        Random rnd = new Random(4);
        for (int window : new int[] {1, 3, 15, 63}) {
            float[] x = new float[300];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(5) : (float) rnd.nextGaussian();
            }
            SlidingMedian m = new SlidingMedian(window);
            for (int i = 0; i < window; i++) {
                m.add(x[i]);
            }
            for (int start = 0; start + window <= x.length; start++) {
                if (start > 0) {
                    m.replace(x[start - 1], x[start + window - 1]);
                }
                float[] w = Arrays.copyOfRange(x, start, start + window);
                Arrays.sort(w);
                assertEquals(w[window / 2], m.median(), 0.0, "window " + window + " at " + start);
            }
        }
    }

    @Test
    void reflectMatchesScipyReflectMode() {
        // d c b a | a b c d | d c b a
        int[] expected = {3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0};
        for (int i = -4; i < 8; i++) {
            assertEquals(expected[i + 4], SlidingMedian.reflect(i, 4), "i=" + i);
        }
    }
}

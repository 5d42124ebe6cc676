package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link LaneMedian} gives, lane by lane and step by step, the bits of the middle value of each window sorted
 * (and {@link SlidingMedian}'s value): with ties, zeros, subnormal and huge magnitudes, lanes started part-way
 * through a row, fewer lanes than the instance holds, reflected (repeating) windows and several window sizes.
 */
class LaneMedianTest {

    /** Non-negative float32 values of the kinds a magnitude spectrogram holds, including many equal ones. */
    private static float value(Random rnd, int kind) {
        return switch (kind % 4) {
            case 0 -> (float) Math.abs(rnd.nextGaussian());
            case 1 -> rnd.nextInt(3); // ties and zeros
            case 2 -> rnd.nextBoolean() ? Float.MIN_VALUE * rnd.nextInt(4) : Float.MAX_VALUE / (1 + rnd.nextInt(3));
            default -> (float) Math.exp(40 * rnd.nextGaussian()); // from subnormal to infinity
        };
    }

    @Test
    void everyLaneMatchesSortingEachWindow() {
        Random rnd = new Random(11);
        for (int window : new int[] {1, 3, 15, 31, 63}) {
            for (int kind = 0; kind < 4; kind++) {
                int length = 200;
                int width = 45; // values per row; lanes read columns offset .. offset + count - 1
                int[][] rows = new int[length][width];
                float[][] series = new float[width][length];
                for (int t = 0; t < length; t++) {
                    for (int s = 0; s < width; s++) {
                        float v = value(rnd, kind + s);
                        series[s][t] = v;
                        rows[t][s] = LaneMedian.bits(v);
                    }
                }
                int[] index = new int[length];
                for (int t = 0; t < length; t++) {
                    index[t] = t;
                }
                LaneMedian median = new LaneMedian(window, 40);
                int offset = 3;
                int count = 37;
                median.start(rows, index, 0, offset, count);
                for (int start = 0; start + window <= length; start++) {
                    if (start > 0) {
                        median.slide(rows[start - 1], rows[start + window - 1], offset, count);
                    }
                    for (int l = 0; l < count; l++) {
                        float[] w = Arrays.copyOfRange(series[offset + l], start, start + window);
                        Arrays.sort(w);
                        assertEquals(Float.floatToRawIntBits(w[window / 2]), median.medians()[l],
                                "window " + window + ", kind " + kind + ", lane " + l + " at " + start);
                    }
                }
            }
        }
    }

    @Test
    void agreesWithSlidingMedianOverReflectedEdges() {
        // HPSS's use: windows of 31 over scipy-reflected positions of a series shorter than the window
        Random rnd = new Random(5);
        for (int n : new int[] {1, 2, 7, 30, 31, 100}) {
            int lanes = 9;
            int[][] rows = new int[n][lanes];
            float[][] series = new float[lanes][n];
            for (int t = 0; t < n; t++) {
                for (int l = 0; l < lanes; l++) {
                    float v = value(rnd, l);
                    series[l][t] = v;
                    rows[t][l] = LaneMedian.bits(v);
                }
            }
            int[] at = new int[n + 30];
            for (int j = 0; j < at.length; j++) {
                at[j] = SlidingMedian.reflect(j - 15, n);
            }
            LaneMedian median = new LaneMedian(31, lanes);
            median.start(rows, at, 0, 0, lanes);
            for (int c = 0; c < n; c++) {
                if (c > 0) {
                    median.slide(rows[at[c - 1]], rows[at[c + 30]], 0, lanes);
                }
                for (int l = 0; l < lanes; l++) {
                    SlidingMedian reference = new SlidingMedian(31);
                    for (int j = 0; j < 31; j++) {
                        reference.add(series[l][at[c + j]]);
                    }
                    assertEquals(Float.floatToRawIntBits(reference.median()), median.medians()[l],
                            "n " + n + ", lane " + l + " at " + c);
                }
            }
        }
    }

    @Test
    void bitsOrderLikeTheFloats() {
        float[] v = {0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 0.5f, 1f, 3e38f, Float.POSITIVE_INFINITY};
        for (int i = 1; i < v.length; i++) {
            assertEquals(-1, Integer.signum(Integer.compare(LaneMedian.bits(v[i - 1]), LaneMedian.bits(v[i]))),
                    v[i - 1] + " < " + v[i]);
        }
        // a NaN (of either sign) ranks above every magnitude instead of breaking the arithmetic
        assertEquals(1, Integer.signum(LaneMedian.bits(Float.intBitsToFloat(0xffc00000)) - LaneMedian.bits(v[7])));
    }

    @Test
    void rejectsAnEvenWindowAndTooManyLanes() {
        assertThrows(IllegalArgumentException.class, () -> new LaneMedian(4, 8));
        LaneMedian m = new LaneMedian(3, 2);
        int[][] rows = new int[3][3];
        assertThrows(IllegalArgumentException.class, () -> m.start(rows, new int[] {0, 1, 2}, 0, 0, 3));
    }
}

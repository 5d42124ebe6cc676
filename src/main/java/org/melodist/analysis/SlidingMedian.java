package org.melodist.analysis;

import java.util.Arrays;

/**
 * Median of an odd-sized sliding window of float32 values (librosa filters its float32 magnitudes) kept as a
 * sorted array: each step finds the ranks of the value leaving and the value entering by branch-free binary
 * search and shifts the values between them with one array copy. The array is padded to a power of two with
 * +infinity, so every search takes the same log2 steps whatever the data (audio magnitudes are unpredictable,
 * and a branching search or a counting pass over the window was 1.5 times slower).
 *
 * <p>HPSS slides many series at once with {@link LaneMedian} (four times faster); this one-series version is
 * the plain reference that LaneMedian's test checks against, and {@link #reflect} gives both their edges.
 */
final class SlidingMedian {

    private final float[] sorted;
    private final int half;
    private int size;

    SlidingMedian(int window) {
        if (window % 2 == 0 || window < 1) {
            throw new IllegalArgumentException("window must be odd and positive: " + window);
        }
        // at least one +infinity pad, so a search never runs past the window's values
        sorted = new float[Integer.highestOneBit(window) << 1];
        half = window / 2;
        clear();
    }

    void clear() {
        size = 0;
        Arrays.fill(sorted, Float.POSITIVE_INFINITY);
    }

    void add(float v) {
        int i = size;
        while (i > 0 && sorted[i - 1] > v) {
            sorted[i] = sorted[i - 1];
            i--;
        }
        sorted[i] = v;
        size++;
    }

    void replace(float leaving, float entering) {
        float[] a = sorted;
        int i = rankOf(a, leaving);
        int j = rankOf(a, entering);
        if (i >= size || a[i] != leaving) {
            throw new IllegalStateException("value not in window: " + leaving);
        }
        if (j > i) {
            j--;
            System.arraycopy(a, i + 1, a, i, j - i);
        } else {
            System.arraycopy(a, j, a, j + 1, i - j);
        }
        a[j] = entering;
    }

    /** The number of values below {@code x} (the lower bound), by halving steps without branches. */
    private static int rankOf(float[] a, float x) {
        if (a.length == 32) {
            // HPSS's window of 31, unrolled
            int i = a[15] < x ? 16 : 0;
            i += a[i + 7] < x ? 8 : 0;
            i += a[i + 3] < x ? 4 : 0;
            i += a[i + 1] < x ? 2 : 0;
            return i + (a[i] < x ? 1 : 0);
        }
        int i = 0;
        for (int step = a.length >> 1; step > 0; step >>= 1) {
            i += a[i + step - 1] < x ? step : 0;
        }
        return i;
    }

    float median() {
        return sorted[half];
    }

    /** scipy.ndimage's mode='reflect' (d c b a | a b c d | d c b a) for index {@code i} of {@code n}. */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}

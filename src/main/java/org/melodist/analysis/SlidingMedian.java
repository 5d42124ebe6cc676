package org.melodist.analysis;

/**
 * Median of an odd-sized sliding window of float32 values (librosa filters its float32 magnitudes) kept as a
 * sorted array: each step finds the ranks of the value leaving
 * and the value entering and shifts the values between them, cheaper than re-selecting 31 values.
 */
final class SlidingMedian {

    private final float[] sorted;
    private int size;

    SlidingMedian(int window) {
        if (window % 2 == 0) {
            throw new IllegalArgumentException("window must be odd: " + window);
        }
        sorted = new float[window];
    }

    void clear() {
        size = 0;
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
        // ranks by counting rather than searching: no data-dependent branches, which on audio magnitudes
        // (unpredictable) was twice as fast as a binary search plus an insertion loop
        float[] a = sorted;
        int n = size;
        int i = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            float v = a[k];
            i += v < leaving ? 1 : 0;
            j += v < entering ? 1 : 0;
        }
        if (i >= n || a[i] != leaving) {
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

    float median() {
        return sorted[size / 2];
    }

    /** scipy.ndimage's mode='reflect' (d c b a | a b c d | d c b a) for index {@code i} of {@code n}. */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}

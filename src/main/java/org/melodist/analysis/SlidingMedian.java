package org.melodist.analysis;

import java.util.Arrays;

/**
 * Median of an odd-sized sliding window kept as a sorted array: each step removes the value leaving and
 * inserts the value entering (binary search plus a short shift), cheaper than re-selecting 31 values.
 */
final class SlidingMedian {

    private final double[] sorted;
    private int size;

    SlidingMedian(int window) {
        if (window % 2 == 0) {
            throw new IllegalArgumentException("window must be odd: " + window);
        }
        sorted = new double[window];
    }

    void clear() {
        size = 0;
    }

    void add(double v) {
        int i = Arrays.binarySearch(sorted, 0, size, v);
        if (i < 0) {
            i = -i - 1;
        }
        System.arraycopy(sorted, i, sorted, i + 1, size - i);
        sorted[i] = v;
        size++;
    }

    void replace(double leaving, double entering) {
        int i = Arrays.binarySearch(sorted, 0, size, leaving);
        if (i < 0) {
            throw new IllegalStateException("value not in window: " + leaving);
        }
        int j = Arrays.binarySearch(sorted, 0, size, entering);
        if (j < 0) {
            j = -j - 1;
        }
        if (j > i) {
            // shift (i, j) left by one, entering goes just before j
            System.arraycopy(sorted, i + 1, sorted, i, j - 1 - i);
            sorted[j - 1] = entering;
        } else {
            System.arraycopy(sorted, j, sorted, j + 1, i - j);
            sorted[j] = entering;
        }
    }

    double median() {
        return sorted[size / 2];
    }

    /** scipy.ndimage's mode='reflect' (d c b a | a b c d | d c b a) for index {@code i} of {@code n}. */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}

package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The tuning's median of peak magnitudes, found by selection, is the value sorting gives (numpy's median). */
class TuningMedianTest {

    @Test
    void selectionGivesTheSortedMedian() {
        Random rnd = new Random(19);
        for (int trial = 0; trial < 2_000; trial++) {
            int n = 1 + rnd.nextInt(trial < 1_000 ? 12 : 3_000);
            float[] a = new float[n];
            int distinct = 1 + rnd.nextInt(trial % 3 == 0 ? 4 : 1_000_000);
            for (int i = 0; i < n; i++) {
                // few distinct values (many ties), or spread ones; zeros and sorted runs too
                a[i] = trial % 7 == 0 ? i : trial % 11 == 0 ? n - i : (float) rnd.nextInt(distinct) * 0.37f;
            }
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * ((double) sorted[n / 2 - 1] + sorted[n / 2]);
            float[] work = Arrays.copyOf(a, n + 5);
            assertEquals(expected, TuningEstimator.median(work, n), 0.0, "trial " + trial + ", " + n + " values");
        }
    }
}

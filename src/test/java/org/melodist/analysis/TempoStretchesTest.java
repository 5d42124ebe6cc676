package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link TempoEstimator#tempos} gives the whole envelope's tempo and each stretch's tempo exactly as estimating
 * them one by one does: stretches longer and shorter than the tempogram window, touching the envelope's ends,
 * with silent (all-zero) passages, on one to three threads.
 */
class TempoStretchesTest {

    private static double[] envelope(Random rnd, int n) {
        double[] onset = new double[n];
        int period = 18 + rnd.nextInt(30);
        for (int t = 0; t < n; t++) {
            boolean silent = (t / 700) % 5 == 4;
            onset[t] = silent ? 0 : (t % period == 0 ? 2 + rnd.nextDouble() : 0.3 * rnd.nextDouble());
        }
        return onset;
    }

    @Test
    void sharedTempogramFramesGiveEachStretchItsOwnTempo() {
        Random rnd = new Random(31);
        TempoEstimator estimator = new TempoEstimator(22_050, 512);
        for (int trial = 0; trial < 6; trial++) {
            int n = 2000 + rnd.nextInt(3000);
            double[] onset = envelope(rnd, n);
            // consecutive stretches from the start to the end, some shorter than the 344-frame window
            int[] cuts = {0, 100 + rnd.nextInt(200), 900, 900 + 300 + rnd.nextInt(500), n - 50, n};
            int[] from = Arrays.copyOf(cuts, cuts.length - 1);
            int[] to = Arrays.copyOfRange(cuts, 1, cuts.length);
            for (int threads = 1; threads <= 3; threads++) {
                double[] tempos = estimator.tempos(onset, from, to, threads);
                assertEquals(estimator.tempo(onset), tempos[0], 0.0, "whole, trial " + trial);
                for (int w = 0; w < from.length; w++) {
                    double alone = estimator.tempo(Arrays.copyOfRange(onset, from[w], to[w]));
                    assertEquals(alone, tempos[w + 1], 0.0,
                            "stretch " + from[w] + ".." + to[w] + ", trial " + trial + ", " + threads + " threads");
                }
            }
        }
    }
}

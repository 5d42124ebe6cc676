package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The zero-crossing rate and RMS of every frame equal their definitions computed frame by frame (as in
 * {@link FeatureExtractor}'s documentation), bit for bit, whatever the shortcuts taken inside: lengths that end
 * exactly on a frame's last sample, one before, one after, shorter than a frame, silent stretches, values at
 * the zero-crossing threshold, and one to three threads; and the onset envelope's median of rectified band
 * differences equals numpy's median of all of them.
 */
class FrameDefinitionsTest {

    private static final int SR = 22_050;

    private static float[] signal(int length, long seed) {
        Random rnd = new Random(seed);
        float[] y = new float[length];
        for (int i = 0; i < length; i++) {
            double v = Math.sin(i * 0.031) * 0.4 + 0.05 * rnd.nextGaussian();
            // silent stretches, exact zeros and values at the 1e-10 threshold
            if ((i / 3000) % 4 == 3) {
                v = rnd.nextInt(5) == 0 ? (rnd.nextBoolean() ? -1e-10 : -2e-10) : 0;
            }
            y[i] = (float) v;
        }
        return y;
    }

    private static boolean negative(float v) {
        return Math.abs(v) > 1e-10 && v < 0;
    }

    private static double zcr(float[] y, int t) {
        int start = t * Stft.HOP - Stft.N_FFT / 2;
        int crossings = 0;
        boolean prev = negative(y[Math.max(0, Math.min(y.length - 1, start))]);
        for (int i = 1; i < Stft.N_FFT; i++) {
            boolean cur = negative(y[Math.max(0, Math.min(y.length - 1, start + i))]);
            crossings += cur != prev ? 1 : 0;
            prev = cur;
        }
        return (double) crossings / Stft.N_FFT;
    }

    private static double rms(float[] y, int t) {
        int start = t * Stft.HOP - Stft.N_FFT / 2;
        double sum = 0;
        for (int i = Math.max(0, start); i < Math.min(y.length, start + Stft.N_FFT); i++) {
            sum += (double) y[i] * y[i];
        }
        return Math.sqrt(sum / Stft.N_FFT);
    }

    @Test
    void zeroCrossingRateAndRmsFollowTheirDefinitionsFrameByFrame() {
        int k = 40;
        int[] lengths = {700, 2047, 2048, 2049, k * Stft.HOP + Stft.N_FFT / 2 - 1, k * Stft.HOP + Stft.N_FFT / 2,
            k * Stft.HOP + Stft.N_FFT / 2 + 1, 33_333};
        for (int length : lengths) {
            float[] y = signal(length, length);
            for (int threads = 1; threads <= 3; threads++) {
                FrameFeatures f = new FeatureExtractor(SR, threads).extract(y);
                for (int t = 0; t < f.frames(); t++) {
                    String where = "length " + length + ", " + threads + " threads, frame " + t;
                    assertEquals(zcr(y, t), f.zeroCrossingRate()[t], 0.0, "zero-crossing rate, " + where);
                    assertEquals(rms(y, t), f.rms()[t], 0.0, "rms, " + where);
                }
            }
        }
    }

    @Test
    void onsetMedianOfRisesAndZerosIsTheMedianOfAll() {
        Random rnd = new Random(21);
        for (int trial = 0; trial < 500; trial++) {
            int total = 1 + rnd.nextInt(130);
            double[] all = new double[total];
            double[] rises = new double[total];
            int count = 0;
            int zeroShare = rnd.nextInt(4);
            for (int m = 0; m < total; m++) {
                double v = rnd.nextInt(4) < zeroShare ? 0.0 : (rnd.nextBoolean() ? rnd.nextInt(3) + 1 : rnd.nextDouble());
                all[m] = v;
                if (v > 0) {
                    rises[count++] = v;
                }
            }
            assertEquals(Stats.median(all), FeatureExtractor.medianAfterZeros(rises, count, total), 0.0,
                    "trial " + trial + ", " + total + " values, " + (total - count) + " zeros");
        }
    }
}

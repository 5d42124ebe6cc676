package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Chroma of many frames side by side equals the one-frame chroma of each frame's power spectrum, bit for bit. */
class ChromaFilterBankTest {

    @Test
    void framesSideBySideEqualOneFrameAtATime() {
        Random rnd = new Random(12);
        ChromaFilterBank bank = new ChromaFilterBank(22_050, -0.07);
        int rows = 75; // more than two stretches of lanes, the last one ragged
        float[] frames = new float[rows * Stft.BINS];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < Stft.BINS; k++) {
                // silent frames, tiny and large values
                double scale = r % 10 == 0 ? 0 : Math.exp(6 * rnd.nextGaussian());
                double re = scale * rnd.nextGaussian();
                double im = k == 0 || k == Stft.BINS - 1 ? 0 : scale * rnd.nextGaussian();
                frames[r * Stft.BINS + k] = (float) (re * re + im * im);
            }
        }
        int from = 3;
        int to = 71;
        int first = 100;
        double[][] out = new double[ChromaFilterBank.N_CHROMA][first + rows];
        bank.applyFrames(frames, from, to, out, first);
        double[] power = new double[Stft.BINS];
        double[] expected = new double[ChromaFilterBank.N_CHROMA];
        for (int r = from; r < to; r++) {
            for (int k = 0; k < Stft.BINS; k++) {
                power[k] = frames[r * Stft.BINS + k];
            }
            bank.apply(power, expected);
            for (int c = 0; c < ChromaFilterBank.N_CHROMA; c++) {
                assertEquals(expected[c], out[c][first + r - from], 0.0, "row " + r + ", chroma " + c);
            }
        }
    }
}

package org.melodist.analysis;

/**
 * librosa.effects.hpss with its defaults: median filters of 31 frames along time (harmonic) and 31 bins along
 * frequency (percussive) on the STFT magnitude, both with scipy's {@code mode='reflect'} edges; soft Wiener
 * masks {@code H^2 / (H^2 + P^2)} ({@code power=2, margin=1}, so where both are zero each gets 0.5); masked
 * complex STFTs inverted by overlap-add with the window and divided by the window's sum of squares
 * ({@code istft(length=len(y))}, centre padding trimmed).
 *
 * <p>Works through the spectrogram in blocks of frames (plus 15 frames of context on each side), so memory is
 * the two output waveforms and one block, however long the file. A {@link FrameConsumer} sees each frame's
 * power spectrum on the way, which lets chroma share this pass's FFTs.
 */
public final class Hpss {

    public static final int KERNEL = 31;
    private static final int HALF = KERNEL / 2;
    private static final int BLOCK = 256;

    /** Receives every frame's power spectrum, in order. */
    public interface FrameConsumer {
        void frame(int t, double[] power);
    }

    /** The harmonic and percussive waveforms, each as long as the input. */
    public record Result(float[] harmonic, float[] percussive) {
    }

    public Result separate(float[] y, FrameConsumer powerConsumer) {
        int n = Stft.frameCount(y.length);
        int bins = Stft.BINS;
        Stft stft = new Stft();
        float[] harmonicOut = new float[y.length];
        float[] percussiveOut = new float[y.length];
        double[][] re = new double[BLOCK + 2 * HALF][bins];
        double[][] im = new double[BLOCK + 2 * HALF][bins];
        double[][] mag = new double[BLOCK + 2 * HALF][bins];
        double[] harm = new double[bins];
        double[] perc = new double[bins];
        double[][] harmBlock = new double[BLOCK][bins];
        double[] power = new double[bins];
        double[] hre = new double[bins];
        double[] him = new double[bins];
        double[] frameOut = new double[Stft.N_FFT];
        SlidingMedian median = new SlidingMedian(KERNEL);
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            int b1 = Math.min(n, b0 + BLOCK);
            int r0 = Math.max(0, b0 - HALF);
            int r1 = Math.min(n, b1 + HALF);
            for (int t = r0; t < r1; t++) {
                int row = t - r0;
                stft.frame(y, t, re[row], im[row]);
                for (int k = 0; k < bins; k++) {
                    mag[row][k] = Math.hypot(re[row][k], im[row][k]);
                }
            }
            if (powerConsumer != null) {
                for (int t = b0; t < b1; t++) {
                    int row = t - r0;
                    for (int k = 0; k < bins; k++) {
                        power[k] = re[row][k] * re[row][k] + im[row][k] * im[row][k];
                    }
                    powerConsumer.frame(t, power);
                }
            }
            // harmonic: median along time, bin by bin, sliding over the block
            for (int k = 0; k < bins; k++) {
                median.clear();
                for (int j = -HALF; j <= HALF; j++) {
                    median.add(mag[SlidingMedian.reflect(b0 + j, n) - r0][k]);
                }
                harmBlock[0][k] = median.median();
                for (int t = b0 + 1; t < b1; t++) {
                    median.replace(mag[SlidingMedian.reflect(t - 1 - HALF, n) - r0][k],
                            mag[SlidingMedian.reflect(t + HALF, n) - r0][k]);
                    harmBlock[t - b0][k] = median.median();
                }
            }
            for (int t = b0; t < b1; t++) {
                double[] m = mag[t - r0];
                // percussive: median along frequency within the frame
                median.clear();
                for (int j = -HALF; j <= HALF; j++) {
                    median.add(m[SlidingMedian.reflect(j, bins)]);
                }
                perc[0] = median.median();
                for (int k = 1; k < bins; k++) {
                    median.replace(m[SlidingMedian.reflect(k - 1 - HALF, bins)], m[SlidingMedian.reflect(k + HALF, bins)]);
                    perc[k] = median.median();
                }
                System.arraycopy(harmBlock[t - b0], 0, harm, 0, bins);
                double[] fr = re[t - r0];
                double[] fi = im[t - r0];
                // harmonic part
                for (int k = 0; k < bins; k++) {
                    double mask = softMask(harm[k], perc[k]);
                    hre[k] = fr[k] * mask;
                    him[k] = fi[k] * mask;
                }
                stft.inverse(hre, him, frameOut);
                overlapAdd(frameOut, t, harmonicOut);
                for (int k = 0; k < bins; k++) {
                    double mask = softMask(perc[k], harm[k]);
                    hre[k] = fr[k] * mask;
                    him[k] = fi[k] * mask;
                }
                stft.inverse(hre, him, frameOut);
                overlapAdd(frameOut, t, percussiveOut);
            }
        }
        normaliseByWindowSumSquare(harmonicOut, percussiveOut, n);
        return new Result(harmonicOut, percussiveOut);
    }

    /** librosa.util.softmask(X, X_ref, power=2, split_zeros=True). */
    private static double softMask(double x, double ref) {
        double z = Math.max(x, ref);
        if (z < Float.MIN_NORMAL) {
            return 0.5;
        }
        double a = (x / z) * (x / z);
        double b = (ref / z) * (ref / z);
        return a / (a + b);
    }

    private static void overlapAdd(double[] frame, int t, float[] out) {
        int start = t * Stft.HOP - Stft.N_FFT / 2;
        int from = Math.max(0, -start);
        int to = Math.min(Stft.N_FFT, out.length - start);
        for (int i = from; i < to; i++) {
            out[start + i] += (float) frame[i];
        }
    }

    private static void normaliseByWindowSumSquare(float[] a, float[] b, int frames) {
        double[] w = Stft.window();
        for (int i = 0; i < a.length; i++) {
            int p = i + Stft.N_FFT / 2;
            int tLo = Math.max(0, (p - Stft.N_FFT) / Stft.HOP);
            int tHi = Math.min(frames - 1, p / Stft.HOP);
            double sum = 0;
            for (int t = tLo; t <= tHi; t++) {
                int off = p - t * Stft.HOP;
                if (off >= 0 && off < Stft.N_FFT) {
                    sum += w[off] * w[off];
                }
            }
            if (sum > Float.MIN_NORMAL) {
                a[i] = (float) (a[i] / sum);
                b[i] = (float) (b[i] / sum);
            }
        }
    }
}

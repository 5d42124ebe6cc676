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
    private static final int BLOCK = 512;

    private final int threads;

    /** HPSS on the machine's cores (see {@link Parallel#DEFAULT_THREADS}). */
    public Hpss() {
        this(Parallel.DEFAULT_THREADS);
    }

    /** HPSS on {@code threads} threads; the result is bit-for-bit the same for any count. */
    public Hpss(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    /** Receives every frame's power spectrum, in order (on the calling thread). */
    public interface FrameConsumer {
        void frame(int t, double[] power);
    }

    /** The harmonic and percussive waveforms, each as long as the input. */
    public record Result(float[] harmonic, float[] percussive) {
    }

    public Result separate(float[] y, FrameConsumer powerConsumer) {
        float[] harmonic = harmonic(y, powerConsumer);
        // The two soft masks sum to 1 in every bin (0.5 + 0.5 where both medians are 0), and the inverse STFT
        // is linear and reconstructs y exactly (every sample lies under three or four frames), so the
        // percussive waveform is y minus the harmonic one: one inverse FFT per frame instead of two.
        float[] percussive = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            percussive[i] = y[i] - harmonic[i];
        }
        return new Result(harmonic, percussive);
    }

    /**
     * Receives every frame's harmonic (masked) spectrum; called from several threads at once for different
     * frames, so an implementation writes only what belongs to frame {@code t}.
     */
    public interface HarmonicSpectrumConsumer {
        void frame(int t, double[] re, double[] im);
    }

    /** The harmonic waveform alone; the percussive one is {@code y - harmonic} (see {@link #separate}). */
    public float[] harmonic(float[] y, FrameConsumer powerConsumer) {
        return harmonic(y, powerConsumer, null);
    }

    /** As {@link #harmonic(float[], FrameConsumer)}, also handing each frame's harmonic spectrum on. */
    public float[] harmonic(float[] y, FrameConsumer powerConsumer, HarmonicSpectrumConsumer harmonicConsumer) {
        int n = Stft.frameCount(y.length);
        int bins = Stft.BINS;
        // a short clip needs no full-size block (allocating one was most of the time for a 1 s file)
        int block = Math.max(1, Math.min(BLOCK, n));
        int rows = block + 2 * HALF;
        float[] harmonicOut = new float[y.length];
        double[][] re = new double[rows][bins];
        double[][] im = new double[rows][bins];
        // magnitudes rounded to float32 as librosa's are, frame-major for the frequency median and bin-major so
        // the time-direction median reads contiguous memory
        float[][] mag = new float[rows][bins];
        float[][] magT = new float[bins][rows];
        // harmonic medians frame-major, so the mask loop below reads them contiguously
        float[][] harm = new float[block][bins];
        // each frame's masked inverse FFT, overlap-added in frame order afterwards (float sums in one order)
        double[][] frameOut = new double[block][Stft.N_FFT];
        double[] power = new double[bins];
        // reflected indices along frequency, for positions -HALF .. bins + HALF - 1
        int[] binAt = new int[bins + 2 * HALF];
        for (int j = 0; j < binAt.length; j++) {
            binAt[j] = SlidingMedian.reflect(j - HALF, bins);
        }
        int[] rowAt = new int[block + 2 * HALF];
        for (int b0 = 0; b0 < n; b0 += block) {
            int b1 = Math.min(n, b0 + block);
            int r0 = Math.max(0, b0 - HALF);
            int r1 = Math.min(n, b1 + HALF);
            // the block's STFT frames, split over the cores
            Parallel.forRanges(threads, r1 - r0, (part, from, to) -> {
                Stft stft = new Stft();
                for (int row = from; row < to; row++) {
                    double[] fr = re[row];
                    double[] fi = im[row];
                    float[] m = mag[row];
                    stft.frame(y, r0 + row, fr, fi);
                    for (int k = 0; k < bins; k++) {
                        m[k] = (float) Math.sqrt(fr[k] * fr[k] + fi[k] * fi[k]);
                        magT[k][row] = m[k];
                    }
                }
            });
            if (powerConsumer != null) {
                for (int t = b0; t < b1; t++) {
                    double[] fr = re[t - r0];
                    double[] fi = im[t - r0];
                    for (int k = 0; k < bins; k++) {
                        power[k] = fr[k] * fr[k] + fi[k] * fi[k];
                    }
                    powerConsumer.frame(t, power);
                }
            }
            // block row of each (reflected) frame position b0 - HALF .. b1 + HALF - 1
            for (int j = 0; j < b1 - b0 + 2 * HALF; j++) {
                rowAt[j] = SlidingMedian.reflect(b0 - HALF + j, n) - r0;
            }
            int width = b1 - b0;
            // harmonic: median along time, bin by bin, sliding over the block; bins split over the cores
            Parallel.forRanges(threads, bins, (part, from, to) -> {
                SlidingMedian median = new SlidingMedian(KERNEL);
                for (int k = from; k < to; k++) {
                    float[] series = magT[k];
                    median.clear();
                    for (int j = 0; j < KERNEL; j++) {
                        median.add(series[rowAt[j]]);
                    }
                    harm[0][k] = median.median();
                    for (int c = 1; c < width; c++) {
                        median.replace(series[rowAt[c - 1]], series[rowAt[c + 2 * HALF]]);
                        harm[c][k] = median.median();
                    }
                }
            });
            // percussive median along frequency, soft mask and inverse FFT of each frame; frames split over the cores
            int first = b0;
            Parallel.forRanges(threads, width, (part, from, to) -> {
                SlidingMedian median = new SlidingMedian(KERNEL);
                Stft stft = new Stft();
                float[] perc = new float[bins];
                double[] hre = new double[bins];
                double[] him = new double[bins];
                for (int col = from; col < to; col++) {
                    int t = first + col;
                    float[] m = mag[t - r0];
                    median.clear();
                    for (int j = 0; j < KERNEL; j++) {
                        median.add(m[binAt[j]]);
                    }
                    perc[0] = median.median();
                    for (int k = 1; k < bins; k++) {
                        median.replace(m[binAt[k - 1]], m[binAt[k + 2 * HALF]]);
                        perc[k] = median.median();
                    }
                    double[] fr = re[t - r0];
                    double[] fi = im[t - r0];
                    float[] h = harm[col];
                    for (int k = 0; k < bins; k++) {
                        double mask = softMask(h[k], perc[k]);
                        hre[k] = fr[k] * mask;
                        him[k] = fi[k] * mask;
                    }
                    if (harmonicConsumer != null) {
                        harmonicConsumer.frame(t, hre, him);
                    }
                    stft.inverse(hre, him, frameOut[col]);
                }
            });
            for (int t = b0; t < b1; t++) {
                overlapAdd(frameOut[t - b0], t, harmonicOut);
            }
        }
        normaliseByWindowSumSquare(harmonicOut, n);
        return harmonicOut;
    }

    /** librosa.util.softmask(X, X_ref, power=2, split_zeros=True). */
    private static double softMask(double x, double ref) {
        if (Math.max(x, ref) < Float.MIN_NORMAL) {
            return 0.5;
        }
        // (x/z)^2 / ((x/z)^2 + (ref/z)^2) with z = max(x, ref): the z cancels, and in double precision the
        // squares of magnitudes above float32's smallest normal cannot underflow
        double a = x * x;
        return a / (a + ref * ref);
    }

    private static void overlapAdd(double[] frame, int t, float[] out) {
        int start = t * Stft.HOP - Stft.N_FFT / 2;
        int from = Math.max(0, -start);
        int to = Math.min(Stft.N_FFT, out.length - start);
        for (int i = from; i < to; i++) {
            out[start + i] += (float) frame[i];
        }
    }

    private static void normaliseByWindowSumSquare(float[] a, int frames) {
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
            }
        }
    }
}

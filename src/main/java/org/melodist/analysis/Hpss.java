package org.melodist.analysis;

import java.util.function.IntConsumer;

/**
 * librosa.effects.hpss with its defaults: median filters of 31 frames along time (harmonic) and 31 bins along
 * frequency (percussive) on the STFT magnitude, both with scipy's {@code mode='reflect'} edges; soft Wiener
 * masks {@code H^2 / (H^2 + P^2)} ({@code power=2, margin=1}, so where both are zero each gets 0.5); masked
 * complex STFTs inverted by overlap-add with the window and divided by the window's sum of squares
 * ({@code istft(length=len(y))}, centre padding trimmed).
 *
 * <p>Works through the spectrogram in blocks of frames (plus 15 frames of context on each side), so memory is
 * the two output waveforms and one block, however long the file. A {@link SpectrumConsumer} sees each frame's
 * spectrum on the way, which lets the frame-wise features (spectral shape, mel bands, tuning, chroma) share this pass's FFTs.
 */
public final class Hpss {

    public static final int KERNEL = 31;
    private static final int HALF = KERNEL / 2;
    private static final int BLOCK = 512;
    /** Series a {@link LaneMedian} slides side by side at most (its sorted windows, 32 ranks of 4 bytes each). */
    private static final int LANES = 512;

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

    /**
     * Receives the complex spectra of a run of frames: frame {@code firstFrame + i} in rows {@code from + i} of
     * {@code re} and {@code im} (i = 0 .. to-from-1), and its magnitudes {@code sqrt(re^2 + im^2)} in the same
     * rows of {@code magnitude}, to be read before returning. Called from several threads at
     * once for different runs (in no particular order), so an implementation writes only what belongs to its
     * frames.
     */
    public interface SpectrumConsumer {
        void frames(int firstFrame, double[][] re, double[][] im, double[][] magnitude, int from, int to);
    }

    /** The harmonic and percussive waveforms, each as long as the input. */
    public record Result(float[] harmonic, float[] percussive) {
    }

    public Result separate(float[] y, SpectrumConsumer spectra) {
        float[] harmonic = harmonic(y, spectra);
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
    public float[] harmonic(float[] y, SpectrumConsumer spectra) {
        return harmonic(y, spectra, null);
    }

    /** As {@link #harmonic(float[], SpectrumConsumer)}, also handing each frame's harmonic spectrum on. */
    public float[] harmonic(float[] y, SpectrumConsumer spectra, HarmonicSpectrumConsumer harmonicConsumer) {
        return harmonic(y, spectra, harmonicConsumer, framesDone -> { });
    }

    /**
     * As {@link #harmonic(float[], SpectrumConsumer, HarmonicSpectrumConsumer)}, telling {@code progress} on the
     * calling thread how many frames are done after each block (it may throw to abandon the work).
     */
    public float[] harmonic(float[] y, SpectrumConsumer spectra, HarmonicSpectrumConsumer harmonicConsumer,
            IntConsumer progress) {
        return harmonic(y, spectra, harmonicConsumer, progress, Arrival.ALL);
    }

    /** Samples that may still be arriving (a file being decoded into the array HPSS reads). */
    public interface Arrival {
        /** Samples that are all there. */
        Arrival ALL = new Arrival() {
            @Override
            public void await(int samples) {
            }

            @Override
            public boolean complete() {
                return true;
            }
        };

        /** Returns when the first {@code samples} samples are final (or throws if they never will be). */
        void await(int samples);

        /** Whether every sample is final (while they arrive, a decoder is busy on one of the cores). */
        boolean complete();
    }

    /**
     * As {@link #harmonic(float[], SpectrumConsumer, HarmonicSpectrumConsumer, IntConsumer)} on samples that may
     * still be arriving: before reading a block's samples it waits for them, and while they are still arriving it
     * works on one thread, leaving the other cores to the decoder (the results are the same on any thread count).
     */
    public float[] harmonic(float[] y, SpectrumConsumer spectra, HarmonicSpectrumConsumer harmonicConsumer,
            IntConsumer progress, Arrival arrival) {
        int n = Stft.frameCount(y.length);
        int bins = Stft.BINS;
        // a short clip needs no full-size block (allocating one was most of the time for a 1 s file)
        int block = Math.max(1, Math.min(BLOCK, n));
        int rows = block + 2 * HALF;
        float[] harmonicOut = new float[y.length];
        double[][] re = new double[rows][bins];
        double[][] im = new double[rows][bins];
        double[][] magnitude = new double[rows][bins];
        // magnitudes rounded to float32 as librosa's are, as LaneMedian's bits: frame-major for the median along
        // time (its lanes are bins) and bin-major for the one along frequency (its lanes are frames)
        int[][] mag = new int[rows][bins];
        int[][] magT = new int[bins][rows];
        // the medians' bits frame-major, so the mask loop below reads them contiguously
        int[][] harm = new int[block][bins];
        int[][] perc = new int[block][bins];
        // each frame's masked inverse FFT, overlap-added in frame order afterwards (float sums in one order)
        double[][] frameOut = new double[block][Stft.N_FFT];
        // reflected indices along frequency, for positions -HALF .. bins + HALF - 1
        int[] binAt = new int[bins + 2 * HALF];
        for (int j = 0; j < binAt.length; j++) {
            binAt[j] = SlidingMedian.reflect(j - HALF, bins);
        }
        int[] rowAt = new int[block + 2 * HALF];
        // each range of a split keeps its FFT, medians and buffers from block to block (fewer objects to collect)
        Workspace[] spaces = new Workspace[threads];
        for (int b0 = 0; b0 < n; b0 += block) {
            int b1 = Math.min(n, b0 + block);
            int r0 = Math.max(0, b0 - HALF);
            int r1 = Math.min(n, b1 + HALF);
            // frame r1 - 1 reaches n_fft/2 samples past its centre
            arrival.await((int) Math.min(y.length, (long) (r1 - 1) * Stft.HOP + Stft.N_FFT / 2));
            int threads = arrival.complete() ? this.threads : 1;
            // the block's STFT frames (and the spectrum consumer, for the block's own frames), split over the cores
            int blockStart = b0;
            int blockEnd = b1;
            Parallel.forRanges(threads, r1 - r0, (part, from, to) -> {
                Stft stft = Workspace.of(spaces, part).stft;
                for (int row = from; row < to; row++) {
                    double[] fr = re[row];
                    double[] fi = im[row];
                    double[] mg = magnitude[row];
                    int[] m = mag[row];
                    stft.frame(y, r0 + row, fr, fi);
                    // the square roots in a loop of their own, which the JIT vectorises (the bit patterns stop it)
                    for (int k = 0; k < bins; k++) {
                        mg[k] = Math.sqrt(fr[k] * fr[k] + fi[k] * fi[k]);
                    }
                    for (int k = 0; k < bins; k++) {
                        m[k] = LaneMedian.bits((float) mg[k]);
                    }
                }
                int own0 = Math.max(from, blockStart - r0);
                int own1 = Math.min(to, blockEnd - r0);
                if (spectra != null && own1 > own0) {
                    spectra.frames(r0 + own0, re, im, magnitude, own0, own1);
                }
                transpose(mag, from, to, bins, magT, 0);
            });
            // block row of each (reflected) frame position b0 - HALF .. b1 + HALF - 1
            for (int j = 0; j < b1 - b0 + 2 * HALF; j++) {
                rowAt[j] = SlidingMedian.reflect(b0 - HALF + j, n) - r0;
            }
            int width = b1 - b0;
            // harmonic: median along time, all bins of a stretch in lockstep; bins split over the cores
            Parallel.forRanges(threads, bins, (part, from, to) -> {
                LaneMedian median = Workspace.of(spaces, part).harmonicMedian(to - from);
                for (int k0 = from; k0 < to; k0 += median.lanes()) {
                    int count = Math.min(median.lanes(), to - k0);
                    median.start(mag, rowAt, 0, k0, count);
                    System.arraycopy(median.medians(), 0, harm[0], k0, count);
                    for (int c = 1; c < width; c++) {
                        median.slide(mag[rowAt[c - 1]], mag[rowAt[c + 2 * HALF]], k0, count);
                        System.arraycopy(median.medians(), 0, harm[c], k0, count);
                    }
                }
            });
            // percussive: median along frequency, a stretch of frames in lockstep; then the soft mask and the
            // inverse FFT of each frame; frames split over the cores
            int first = b0;
            Parallel.forRanges(threads, width, (part, from, to) -> {
                Workspace space = Workspace.of(spaces, part);
                LaneMedian median = space.percussiveMedian(to - from);
                int[][] byBin = space.byBin;
                Stft stft = space.stft;
                double[] hre = space.hre;
                double[] him = space.him;
                double[] masks = space.masks;
                for (int c0 = from; c0 < to; c0 += median.lanes()) {
                    int count = Math.min(median.lanes(), to - c0);
                    int row0 = first + c0 - r0;
                    median.start(magT, binAt, 0, row0, count);
                    System.arraycopy(median.medians(), 0, byBin[0], 0, count);
                    for (int k = 1; k < bins; k++) {
                        median.slide(magT[binAt[k - 1]], magT[binAt[k + 2 * HALF]], row0, count);
                        System.arraycopy(median.medians(), 0, byBin[k], 0, count);
                    }
                    transpose(byBin, 0, bins, count, perc, c0);
                    for (int col = c0; col < c0 + count; col++) {
                        int t = first + col;
                        double[] fr = re[t - r0];
                        double[] fi = im[t - r0];
                        int[] h = harm[col];
                        int[] p = perc[col];
                        softMasks(h, p, masks);
                        for (int k = 0; k < bins; k++) {
                            hre[k] = fr[k] * masks[k];
                            him[k] = fi[k] * masks[k];
                        }
                        if (harmonicConsumer != null) {
                            harmonicConsumer.frame(t, hre, him);
                        }
                        stft.inverse(hre, him, frameOut[col]);
                    }
                }
            });
            overlapAdd(frameOut, b0, b1, harmonicOut);
            progress.accept(b1);
        }
        normaliseByWindowSumSquare(harmonicOut, n);
        return harmonicOut;
    }

    /** One range's tools, kept across blocks: used by one thread at a time (the range's, in each split). */
    private static final class Workspace {
        final Stft stft = new Stft();
        final double[] hre = new double[Stft.BINS];
        final double[] him = new double[Stft.BINS];
        final double[] masks = new double[Stft.BINS];
        LaneMedian harmonic;
        LaneMedian percussive;
        int[][] byBin;

        static Workspace of(Workspace[] spaces, int part) {
            if (spaces[part] == null) {
                spaces[part] = new Workspace();
            }
            return spaces[part];
        }

        LaneMedian harmonicMedian(int series) {
            int lanes = lanesFor(series);
            if (harmonic == null || harmonic.lanes() != lanes) {
                harmonic = new LaneMedian(KERNEL, lanes);
            }
            return harmonic;
        }

        /** A median for {@code series} frames, and {@link #byBin} with room for its lanes. */
        LaneMedian percussiveMedian(int series) {
            int lanes = lanesFor(series);
            if (percussive == null || percussive.lanes() < lanes) {
                percussive = new LaneMedian(KERNEL, lanes);
                byBin = new int[Stft.BINS][lanes];
            }
            return percussive;
        }
    }

    /** Lanes per {@link LaneMedian} for {@code series} series: at most {@link #LANES}, in equal stretches. */
    private static int lanesFor(int series) {
        int stretches = Math.max(1, (series + LANES - 1) / LANES);
        return Math.max(1, (series + stretches - 1) / stretches);
    }

    /**
     * {@code dst[dstRow + c][r] = src[r][c]} for rows {@code rowFrom .. rowTo-1} and columns {@code 0 .. cols-1}
     * of {@code src}, in strips of 64 columns so that both sides stay in cache.
     */
    private static void transpose(int[][] src, int rowFrom, int rowTo, int cols, int[][] dst, int dstRow) {
        for (int c0 = 0; c0 < cols; c0 += 64) {
            int c1 = Math.min(cols, c0 + 64);
            for (int r = rowFrom; r < rowTo; r++) {
                int[] s = src[r];
                for (int c = c0; c < c1; c++) {
                    dst[dstRow + c][r] = s[c];
                }
            }
        }
    }

    /**
     * librosa.util.softmask(H, P, power=2, split_zeros=True) of every bin's harmonic and percussive medians
     * (float32 bits, non-negative), written to {@code out}: {@code (H/z)^2 / ((H/z)^2 + (P/z)^2)} with
     * {@code z = max(H, P)}, where z cancels (in double precision the squares of magnitudes above float32's
     * smallest normal cannot underflow), and 0.5 where both are below that normal. The quotients first in one
     * pass without a branch, then the rare tiny bins.
     */
    private static void softMasks(int[] harmonic, int[] percussive, double[] out) {
        for (int k = 0; k < out.length; k++) {
            double x = Float.intBitsToFloat(harmonic[k]);
            double ref = Float.intBitsToFloat(percussive[k]);
            double a = x * x;
            out[k] = a / (a + ref * ref);
        }
        for (int k = 0; k < out.length; k++) {
            // both values' bits below the smallest normal's (non-negative ints: so is their or)
            if ((harmonic[k] | percussive[k]) < TINY_BITS) {
                out[k] = 0.5;
            }
        }
    }

    private static final int TINY_BITS = Float.floatToRawIntBits(Float.MIN_NORMAL);

    /**
     * Adds frames {@code b0 .. b1-1} (their inverse FFTs in {@code frames}) into {@code out}. The samples are
     * split over the cores; each sample still receives its frames in frame order, so the float sums are the
     * same as one pass frame by frame.
     */
    private void overlapAdd(double[][] frames, int b0, int b1, float[] out) {
        int lo = Math.max(0, b0 * Stft.HOP - Stft.N_FFT / 2);
        int hi = Math.min(out.length, (b1 - 1) * Stft.HOP + Stft.N_FFT / 2);
        if (hi <= lo) {
            return;
        }
        Parallel.forRanges(threads, hi - lo, (part, from, to) -> {
            int sFrom = lo + from;
            int sTo = lo + to;
            for (int t = b0; t < b1; t++) {
                double[] frame = frames[t - b0];
                int start = t * Stft.HOP - Stft.N_FFT / 2;
                int a = Math.max(sFrom, start);
                int b = Math.min(sTo, start + Stft.N_FFT);
                for (int s = a; s < b; s++) {
                    out[s] += (float) frame[s - start];
                }
            }
        });
    }

    /**
     * Divides by the window's sum of squares under each sample. Away from the ends every sample lies under the
     * same four window positions as the sample one hop earlier, so those sums are computed once per position in
     * the hop (in the same order as at the ends, hence the same doubles) and the samples split over the cores.
     */
    private void normaliseByWindowSumSquare(float[] a, int frames) {
        double[] w = Stft.window();
        double[] periodic = new double[Stft.HOP];
        for (int r = 0; r < Stft.HOP; r++) {
            periodic[r] = windowSumSquare(w, Stft.N_FFT + r, Integer.MAX_VALUE);
        }
        boolean periodicUsable = true;
        for (double sum : periodic) {
            periodicUsable &= sum > Float.MIN_NORMAL;
        }
        // samples i with i + n_fft/2 in [n_fft, frames * hop) use the periodic sums: periodic[i % hop]
        int midFrom = Stft.N_FFT / 2;
        int midTo = periodicUsable ? frames * Stft.HOP - Stft.N_FFT / 2 : midFrom;
        Parallel.forRanges(threads, a.length, (part, from, to) -> {
            int lo = Math.max(from, Math.min(to, midFrom));
            int hi = Math.max(lo, Math.min(to, midTo));
            for (int i = from; i < lo; i++) {
                normalise(a, i, w, periodic, frames);
            }
            // the middle a hop-long stretch at a time, each sample divided by its periodic sum (no test per sample)
            for (int i0 = lo; i0 < hi; ) {
                int r0 = i0 % Stft.HOP;
                int len = Math.min(Stft.HOP - r0, hi - i0);
                for (int j = 0; j < len; j++) {
                    a[i0 + j] = (float) (a[i0 + j] / periodic[r0 + j]);
                }
                i0 += len;
            }
            for (int i = hi; i < to; i++) {
                normalise(a, i, w, periodic, frames);
            }
        });
    }

    private static void normalise(float[] a, int i, double[] w, double[] periodic, int frames) {
        int p = i + Stft.N_FFT / 2;
        double sum = p >= Stft.N_FFT && p / Stft.HOP <= frames - 1 ? periodic[p % Stft.HOP]
                : windowSumSquare(w, p, frames);
        if (sum > Float.MIN_NORMAL) {
            a[i] = (float) (a[i] / sum);
        }
    }

    private static double windowSumSquare(double[] w, int p, int frames) {
        int tLo = Math.max(0, (p - Stft.N_FFT) / Stft.HOP);
        int tHi = Math.min(frames - 1, p / Stft.HOP);
        double sum = 0;
        for (int t = tLo; t <= tHi; t++) {
            int off = p - t * Stft.HOP;
            if (off >= 0 && off < Stft.N_FFT) {
                sum += w[off] * w[off];
            }
        }
        return sum;
    }
}

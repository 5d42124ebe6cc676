package org.melodist.analysis;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * librosa.feature.rhythm.tempo (0.10.1) with the defaults beat_track uses: a tempogram of the onset envelope
 * (8-second windows = 344 frames, periodic Hann, centred with a linear ramp to zero on each side, each frame's
 * autocorrelation scaled to max 1), averaged over time, weighted by a log-normal prior around 120 BPM with a
 * standard deviation of one octave ({@code log1p(1e6 * tg) + logprior}), lags above 320 BPM excluded; the
 * tempo is {@code 60 * sr / (hop * best_lag)}.
 */
public final class TempoEstimator {

    private static final double START_BPM = 120.0;
    private static final double STD_BPM = 1.0;
    private static final double AC_SIZE = 8.0;
    private static final double MAX_TEMPO = 320.0;
    /** Tempogram frames computed between two ordered additions to the mean (about 12 s of frames). */
    private static final int CHUNK = 512;

    private final int sampleRate;
    private final int hop;

    public TempoEstimator(int sampleRate, int hop) {
        this.sampleRate = sampleRate;
        this.hop = hop;
    }

    /** Tempo in BPM; 0 when the envelope is all zero (librosa's beat_track returns 0 there). */
    public double tempo(double[] onset) {
        return tempo(onset, 1);
    }

    /**
     * As {@link #tempo(double[])}, the tempogram's frames computed on {@code threads} threads (and summed in
     * frame order, so the result is the same bit for bit).
     */
    public double tempo(double[] onset, int threads) {
        return tempoOf(meanTempogram(onset, threads));
    }

    /**
     * The tempo of the whole envelope, then of each stretch {@code from[w] .. to[w]-1} of it (in order, not
     * overlapping), each the value {@link #tempo(double[])} gives for the stretch on its own, bit for bit. A
     * stretch's tempogram frames that lie at least half a window inside it see the same envelope values as the
     * whole's frames there (its own padding does not reach them), so those are computed once for both; only the
     * frames near a stretch's ends are computed again with its padding.
     */
    public double[] tempos(double[] onset, int[] from, int[] to, int threads) {
        int stretches = from.length;
        int win = windowLength();
        int half = win / 2;
        int bins = spectrumBins(win);
        double[][] means = new double[stretches][bins];
        int[] innerFrom = new int[stretches];
        int[] innerTo = new int[stretches];
        double[][][] tails = new double[stretches][][];
        // each stretch's head frames (summed now, before its inner frames) and tail frames (kept, summed last)
        Parallel.forRanges(threads, stretches, (part, w0, w1) -> {
            for (int w = w0; w < w1; w++) {
                int len = to[w] - from[w];
                int head = Math.min(len, half);
                int tail = Math.max(head, len - win + half + 1);
                innerFrom[w] = from[w] + head;
                innerTo[w] = from[w] + tail;
                Tempogram own = new Tempogram(java.util.Arrays.copyOfRange(onset, from[w], to[w]), win);
                double[] row = new double[bins];
                for (int u = 0; u < head; u++) {
                    double[] r = own.spectrum(u, row);
                    if (r != null) {
                        add(means[w], r);
                    }
                }
                tails[w] = new double[len - tail][];
                for (int u = tail; u < len; u++) {
                    double[] r = own.spectrum(u, new double[bins]);
                    tails[w][u - tail] = r;
                }
            }
        });
        double[][] all = new double[stretches + 1][];
        all[0] = meanTempogram(onset, threads, (t, r) -> {
            for (int w = 0; w < stretches; w++) {
                if (t >= innerFrom[w] && t < innerTo[w]) {
                    add(means[w], r);
                }
            }
        });
        for (int w = 0; w < stretches; w++) {
            for (double[] r : tails[w]) {
                if (r != null) {
                    add(means[w], r);
                }
            }
            all[w + 1] = autocorrelation(means[w], win, to[w] - from[w]);
        }
        double[] out = new double[stretches + 1];
        for (int i = 0; i <= stretches; i++) {
            out[i] = tempoOf(all[i]);
        }
        return out;
    }

    private static void add(double[] sum, double[] row) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += row[i];
        }
    }

    private double tempoOf(double[] tg) {
        int win = tg.length;
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = 1; lag < win; lag++) {
            double bpm = bpmOfLag(lag);
            if (!(bpm < MAX_TEMPO)) {
                continue;
            }
            double z = (log2(bpm) - log2(START_BPM)) / STD_BPM;
            double score = Math.log1p(1e6 * tg[lag]) - 0.5 * z * z;
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best < 0 ? 0 : bpmOfLag(best);
    }

    double bpmOfLag(int lag) {
        return 60.0 * sampleRate / ((double) hop * lag);
    }

    /**
     * The tempogram (autocorrelation per frame, max-normalised) averaged over frames. The mean is taken over the
     * frames' power spectra, each divided by its frame's energy (the autocorrelation's maximum, at lag 0), and turned
     * into an autocorrelation once at the end: the inverse FFT is linear, so this is the mean of the frames'
     * normalised autocorrelations (to rounding) at one inverse FFT instead of one per frame.
     */
    double[] meanTempogram(double[] onset) {
        return meanTempogram(onset, 1);
    }

    /**
     * As {@link #meanTempogram(double[])} on {@code threads} threads: each stretch of {@link #CHUNK} frames is
     * split over them, every frame's normalised autocorrelation kept, and the calling thread adds them to the
     * mean in frame order, so the sums are the ones a single pass makes.
     */
    double[] meanTempogram(double[] onset, int threads) {
        return meanTempogram(onset, threads, (t, row) -> { });
    }

    /** Sees frame {@code t}'s energy-normalised power spectrum (frames in order, silent ones left out). */
    private interface RowListener {
        void row(int t, double[] row);
    }

    private int windowLength() {
        return (int) Math.floor(AC_SIZE * sampleRate / hop);
    }

    private static int fftSize(int win) {
        return Integer.highestOneBit(2 * win - 1) << 1;
    }

    /** Bins 0 .. fftSize/2 of a frame's power spectrum. */
    private static int spectrumBins(int win) {
        return fftSize(win) / 2 + 1;
    }

    /** Lags 0 .. win-1 of the autocorrelation whose power spectrum is {@code sum / frames}. */
    private static double[] autocorrelation(double[] sum, int win, int frames) {
        int size = fftSize(win);
        double[] b = new double[size];
        b[0] = sum[0];
        b[1] = sum[size / 2];
        for (int k = 1; k < size / 2; k++) {
            b[2 * k] = sum[k];
        }
        new DoubleFFT_1D(size).realInverse(b, true);
        double[] mean = new double[win];
        double n = Math.max(1, frames);
        for (int i = 0; i < win; i++) {
            mean[i] = b[i] / n;
        }
        return mean;
    }

    private double[] meanTempogram(double[] onset, int threads, RowListener listener) {
        int win = windowLength();
        int n = onset.length;
        Tempogram tempogram = new Tempogram(onset, win);
        int chunk = Math.max(1, Math.min(CHUNK, n));
        int bins = spectrumBins(win);
        // row t - c0 of a stretch: frame t's power spectrum divided by its energy, or null (silent, skipped)
        double[][] rows = new double[chunk][];
        double[][] rowStore = new double[chunk][bins];
        double[] sum = new double[bins];
        for (int c0 = 0; c0 < n; c0 += chunk) {
            int start = c0;
            int count = Math.min(chunk, n - c0);
            Parallel.forRanges(threads, count, (part, from, to) -> {
                for (int r = from; r < to; r++) {
                    rows[r] = tempogram.spectrum(start + r, rowStore[r]);
                }
            });
            for (int r = 0; r < count; r++) {
                double[] row = rows[r];
                if (row != null) {
                    add(sum, row);
                    listener.row(c0 + r, row);
                }
            }
        }
        return autocorrelation(sum, win, n);
    }

    /**
     * librosa's tempogram frames of one envelope: centred windows of {@code win} frames over the envelope padded
     * with linear ramps to zero, Hann-weighted, as power spectra divided by their energy (see
     * {@link TempoEstimator#autocorrelation}). Safe to use
     * from several threads (each call gets its own FFT and buffer from a per-thread cache).
     */
    private static final class Tempogram {
        private final double[] padded;
        private final double[] window;
        private final int fftSize;
        private final ThreadLocal<DoubleFFT_1D> fft;
        private final ThreadLocal<double[]> buf;

        Tempogram(double[] onset, int win) {
            int n = onset.length;
            int half = win / 2;
            // np.pad(mode='linear_ramp', end_values=0): ramps from 0 at the outer end to the edge value
            padded = new double[n + 2 * half];
            System.arraycopy(onset, 0, padded, half, n);
            double first = n > 0 ? onset[0] : 0;
            double last = n > 0 ? onset[n - 1] : 0;
            for (int j = 0; j < half; j++) {
                padded[j] = first * j / half;
                padded[half + n + j] = last * (half - 1 - j) / half;
            }
            window = new double[win];
            for (int i = 0; i < win; i++) {
                window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / win);
            }
            fftSize = TempoEstimator.fftSize(win);
            fft = ThreadLocal.withInitial(() -> new DoubleFFT_1D(fftSize));
            buf = ThreadLocal.withInitial(() -> new double[fftSize]);
        }

        /**
         * Frame {@code t}'s power spectrum (bins 0 .. fftSize/2 of its zero-padded FFT) divided by the frame's energy,
         * which is its autocorrelation at lag 0 and so the autocorrelation's largest magnitude, written to
         * {@code out}; null for a frame that is all zero or whose energy is below the smallest normal double.
         */
        double[] spectrum(int t, double[] out) {
            int win = window.length;
            double[] b = buf.get();
            java.util.Arrays.fill(b, 0);
            double energy = 0;
            for (int i = 0; i < win; i++) {
                b[i] = padded[t + i] * window[i];
                energy += b[i] * b[i];
            }
            if (!(energy >= Double.MIN_NORMAL)) {
                return null;
            }
            fft.get().realForward(b);
            int half = fftSize / 2;
            out[0] = b[0] * b[0] / energy;
            out[half] = b[1] * b[1] / energy;
            for (int k = 1; k < half; k++) {
                double re = b[2 * k];
                double im = b[2 * k + 1];
                out[k] = (re * re + im * im) / energy;
            }
            return out;
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

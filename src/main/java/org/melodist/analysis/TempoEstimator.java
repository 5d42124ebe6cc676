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
        double[] tg = meanTempogram(onset, threads);
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

    /** The tempogram (autocorrelation per frame, max-normalised) averaged over frames. */
    double[] meanTempogram(double[] onset) {
        return meanTempogram(onset, 1);
    }

    /**
     * As {@link #meanTempogram(double[])} on {@code threads} threads: each stretch of {@link #CHUNK} frames is
     * split over them, every frame's normalised autocorrelation kept, and the calling thread adds them to the
     * mean in frame order, so the sums are the ones a single pass makes.
     */
    double[] meanTempogram(double[] onset, int threads) {
        int win = (int) Math.floor(AC_SIZE * sampleRate / hop);
        int n = onset.length;
        int half = win / 2;
        // np.pad(mode='linear_ramp', end_values=0): ramps from 0 at the outer end to the edge value
        double[] padded = new double[n + 2 * half];
        System.arraycopy(onset, 0, padded, half, n);
        double first = n > 0 ? onset[0] : 0;
        double last = n > 0 ? onset[n - 1] : 0;
        for (int j = 0; j < half; j++) {
            padded[j] = first * j / half;
            padded[half + n + j] = last * (half - 1 - j) / half;
        }
        double[] window = new double[win];
        for (int i = 0; i < win; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / win);
        }
        int fftSize = Integer.highestOneBit(2 * win - 1) << 1;
        int chunk = Math.max(1, Math.min(CHUNK, n));
        // row t - c0 of a stretch: frame t's autocorrelation divided by its maximum, or null (silent, skipped)
        double[][] rows = new double[chunk][];
        double[][] rowStore = new double[chunk][win];
        int parts = Math.max(1, Math.min(threads, chunk));
        DoubleFFT_1D[] ffts = new DoubleFFT_1D[parts];
        double[][] bufs = new double[parts][];
        double[] mean = new double[win];
        for (int c0 = 0; c0 < n; c0 += chunk) {
            int start = c0;
            int count = Math.min(chunk, n - c0);
            Parallel.forRanges(threads, count, (part, from, to) -> {
                if (ffts[part] == null) {
                    ffts[part] = new DoubleFFT_1D(fftSize);
                    bufs[part] = new double[fftSize];
                }
                DoubleFFT_1D fft = ffts[part];
                double[] buf = bufs[part];
                for (int r = from; r < to; r++) {
                    rows[r] = autocorrelation(padded, start + r, window, fft, buf, rowStore[r]);
                }
            });
            for (int r = 0; r < count; r++) {
                double[] row = rows[r];
                if (row != null) {
                    for (int i = 0; i < win; i++) {
                        mean[i] += row[i];
                    }
                }
            }
        }
        for (int i = 0; i < win; i++) {
            mean[i] /= Math.max(1, n);
        }
        return mean;
    }

    /**
     * Frame {@code t}'s windowed autocorrelation (by FFT, as librosa's) divided by its largest magnitude, written
     * to {@code out}; null for a frame that is all zero or whose maximum is below the smallest normal double.
     */
    private static double[] autocorrelation(double[] padded, int t, double[] window, DoubleFFT_1D fft, double[] buf,
            double[] out) {
        int win = window.length;
        java.util.Arrays.fill(buf, 0);
        boolean any = false;
        for (int i = 0; i < win; i++) {
            buf[i] = padded[t + i] * window[i];
            any |= buf[i] != 0;
        }
        if (!any) {
            return null;
        }
        fft.realForward(buf);
        // power spectrum in place (packed format), then inverse: the autocorrelation
        int fftSize = buf.length;
        buf[0] = buf[0] * buf[0];
        buf[1] = buf[1] * buf[1];
        for (int k = 1; k < fftSize / 2; k++) {
            double re = buf[2 * k];
            double im = buf[2 * k + 1];
            buf[2 * k] = re * re + im * im;
            buf[2 * k + 1] = 0;
        }
        fft.realInverse(buf, true);
        double max = 0;
        for (int i = 0; i < win; i++) {
            max = Math.max(max, Math.abs(buf[i]));
        }
        if (max < Double.MIN_NORMAL) {
            return null;
        }
        for (int i = 0; i < win; i++) {
            out[i] = buf[i] / max;
        }
        return out;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

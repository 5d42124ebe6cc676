package org.melodist.analysis;

import java.util.Arrays;

/**
 * librosa.estimate_tuning as chroma_stft calls it (on the power spectrogram, 12 bins per octave, resolution
 * 0.01): piptrack finds spectral peaks between 150 and 4000 Hz that exceed a tenth of their frame's maximum,
 * refines each by parabolic interpolation, and keeps the ones whose interpolated magnitude reaches the median
 * over all peaks; the tuning is the left edge of the fullest of 100 histogram bins of their deviations from
 * the equal-tempered grid, in fractions of a semitone in [-0.5, 0.5).
 *
 * <p>Feed frames with {@link #add}, then call {@link #estimate}. Memory is two floats per peak.
 */
public final class TuningEstimator {

    private static final double FMIN = 150.0;
    private static final double FMAX = 4000.0;
    private static final double THRESHOLD = 0.1;
    private static final double RESOLUTION = 0.01;

    private final int loBin;
    private final int hiBin;
    private final double binHz;
    private float[] pitches = new float[4096];
    private float[] mags = new float[4096];
    private int count;

    public TuningEstimator(int sampleRate) {
        binHz = (double) sampleRate / Stft.N_FFT;
        double fmax = Math.min(FMAX, sampleRate / 2.0);
        int lo = (int) Math.ceil(FMIN / binHz);
        int hi = (int) Math.ceil(fmax / binHz) - 1; // fft_freqs < fmax
        if (hi * binHz >= fmax) {
            hi--;
        }
        loBin = Math.max(lo, 1);
        hiBin = Math.min(hi, Stft.BINS - 2);
    }

    /** Collects the peaks of one power-spectrum frame. */
    public void add(double[] s) {
        double max = 0;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double ref = THRESHOLD * max;
        for (int k = loBin; k <= hiBin; k++) {
            // util.localmax of S * (S > ref): strictly above the left neighbour, not below the right one
            double c = s[k] > ref ? s[k] : 0;
            double l = s[k - 1] > ref ? s[k - 1] : 0;
            double r = s[k + 1] > ref ? s[k + 1] : 0;
            if (!(c > l && c >= r)) {
                continue;
            }
            double avg = 0.5 * (s[k + 1] - s[k - 1]);
            double shiftDen = 2 * s[k] - s[k + 1] - s[k - 1];
            double shift = avg / (Math.abs(shiftDen) < Float.MIN_NORMAL ? shiftDen + 1 : shiftDen);
            double pitch = (k + shift) * binHz;
            double mag = s[k] + 0.5 * avg * shift;
            if (count == pitches.length) {
                pitches = Arrays.copyOf(pitches, count * 2);
                mags = Arrays.copyOf(mags, count * 2);
            }
            pitches[count] = (float) pitch;
            mags[count] = (float) mag;
            count++;
        }
    }

    /** Appends the peaks {@code later} collected from the frames after this one's (for split work). */
    public void addAll(TuningEstimator later) {
        if (count + later.count > pitches.length) {
            pitches = Arrays.copyOf(pitches, count + later.count);
            mags = Arrays.copyOf(mags, count + later.count);
        }
        System.arraycopy(later.pitches, 0, pitches, count, later.count);
        System.arraycopy(later.mags, 0, mags, count, later.count);
        count += later.count;
    }

    /**
     * numpy's median of {@code a[0 .. n)} (the mean of the middle two for an even count), reordering {@code a}:
     * the middle values found by selection, in linear time, rather than by sorting every peak (a song has a few
     * hundred thousand). The same value as sorting gives; NaNs (never seen) are left to the sort's order.
     */
    static double median(float[] a, int n) {
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(a[i])) {
                float[] sorted = Arrays.copyOf(a, n);
                Arrays.sort(sorted);
                return n % 2 == 1 ? sorted[n / 2] : 0.5 * ((double) sorted[n / 2 - 1] + sorted[n / 2]);
            }
        }
        int k = n / 2;
        select(a, n, k);
        float upper = a[k];
        if (n % 2 == 1) {
            return upper;
        }
        // a[0 .. k) now holds the k smallest: the largest of them is the lower middle value
        float lower = a[0];
        for (int i = 1; i < k; i++) {
            lower = Math.max(lower, a[i]);
        }
        return 0.5 * ((double) lower + upper);
    }

    /** Reorders {@code a[0 .. n)} so that {@code a[k]} is its k-th smallest, smaller or equal ones before it. */
    private static void select(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            // median of three as the pivot; Hoare's partition
            int mid = (lo + hi) >>> 1;
            float x = a[lo];
            float y = a[mid];
            float z = a[hi];
            float pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // now a[lo .. j] <= pivot <= a[i .. hi], and a[j+1 .. i-1] == pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** The estimated tuning in fractions of a semitone; 0 when no peak was found. */
    public double estimate() {
        // pitch_mask = pitch > 0, threshold = median of their magnitudes
        int n = 0;
        float[] m = new float[count];
        for (int i = 0; i < count; i++) {
            if (pitches[i] > 0) {
                m[n++] = mags[i];
            }
        }
        if (n == 0) {
            return 0.0;
        }
        double median = median(m, n);
        int bins = (int) Math.ceil(1.0 / RESOLUTION);
        int[] hist = new int[bins];
        int used = 0;
        for (int i = 0; i < count; i++) {
            if (!(pitches[i] > 0) || mags[i] < median) {
                continue;
            }
            double octs = Math.log(pitches[i] / (440.0 / 16)) / Math.log(2);
            double residual = (12 * octs) % 1.0;
            if (residual < 0) {
                residual += 1.0;
            }
            if (residual >= 0.5) {
                residual -= 1.0;
            }
            // np.histogram over linspace(-0.5, 0.5, 101): half-open bins, the last one closed
            int b = (int) Math.floor((residual + 0.5) / RESOLUTION);
            b = Math.max(0, Math.min(bins - 1, b));
            hist[b]++;
            used++;
        }
        if (used == 0) {
            return 0.0;
        }
        int best = 0;
        for (int b = 1; b < bins; b++) {
            if (hist[b] > hist[best]) {
                best = b;
            }
        }
        return -0.5 + best * RESOLUTION;
    }
}

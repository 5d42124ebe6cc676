package org.melodist.analysis;

/**
 * Pitch-class evidence for the key, gathered from the peaks of the harmonic part of the signal (the HPSS-masked
 * spectrum, so drums and note attacks weigh little), tuned by the file's estimated tuning, each peak given to
 * its nearest equal-tempered pitch (a triangular weight that falls to zero half a semitone away). Two bands: the treble (A2-A6, where melodies and chords sound) and the bass
 * (E1-C4, where the roots sound). Frames are kept apart so the estimator can compress and weigh them.
 *
 * <p>{@link #accumulate} may be called from several threads at once for different frames, before the tuning is
 * known; {@link #evidence} applies it.
 */
final class KeyChroma {

    private static final double TREBLE_LO = 110.0;
    private static final double TREBLE_HI = 1760.0;
    private static final double BASS_LO = 41.0;
    private static final double BASS_HI = 262.0;
    /** Flags of a peak's bands in {@link #peaks}. */
    private static final double TREBLE = 1;
    private static final double BASS = 2;
    private static final double BOTH = 3;

    private final int lo;
    private final int hi;
    private final double binHz;
    /**
     * Per frame, its peaks in bin order, three values each: the untuned pitch {@code 69 + 12 log2(f / 440)}, the
     * peak's magnitude and its bands ({@link #TREBLE}, {@link #BASS} or {@link #BOTH}). The tuning is applied
     * when the evidence is asked for, so peaks can be gathered before the tuning is known.
     */
    private final double[][] peaks;

    KeyChroma(int sampleRate, int frameCount) {
        binHz = (double) sampleRate / Stft.N_FFT;
        lo = Math.max(2, (int) Math.floor(BASS_LO / binHz));
        hi = Math.min(Stft.BINS - 3, (int) Math.ceil(TREBLE_HI / binHz) + 1);
        peaks = new double[frameCount][];
    }

    /**
     * Adds frame {@code t} from its harmonic spectrum (real and imaginary parts). At n_fft 2048 one bin spans
     * more than a semitone below about 180 Hz, so bins are not mapped to pitches directly: each spectral peak's
     * frequency is refined by a parabola through the log magnitudes of its bin and neighbours (exact to a few
     * cents for a Hann window), and the peak counts for its nearest pitch, less the further it lies from it.
     */
    void accumulate(int t, double[] re, double[] im) {
        double[] logMag = new double[hi + 2];
        double max = 0;
        for (int k = lo - 1; k <= hi + 1; k++) {
            double m = Math.sqrt(re[k] * re[k] + im[k] * im[k]);
            max = Math.max(max, m);
            logMag[k] = Math.log(m + 1e-12);
        }
        double[] found = new double[3 * 8];
        int count = 0;
        double floor = Math.log(max * 1e-3 + 1e-12);
        for (int k = lo; k <= hi; k++) {
            double c = logMag[k];
            if (!(c > logMag[k - 1] && c >= logMag[k + 1]) || c < floor) {
                continue;
            }
            double den = logMag[k - 1] - 2 * c + logMag[k + 1];
            double shift = den < 0 ? 0.5 * (logMag[k - 1] - logMag[k + 1]) / den : 0;
            double f = (k + shift) * binHz;
            boolean treble = f >= TREBLE_LO && f <= TREBLE_HI;
            boolean bass = f >= BASS_LO && f <= BASS_HI;
            if (!treble && !bass) {
                continue;
            }
            if (count == found.length) {
                found = java.util.Arrays.copyOf(found, 2 * count);
            }
            found[count] = 69 + 12 * Math.log(f / 440.0) / Math.log(2);
            found[count + 1] = Math.exp(c - 0.25 * (logMag[k - 1] - logMag[k + 1]) * shift);
            found[count + 2] = treble && bass ? BOTH : treble ? TREBLE : BASS;
            count += 3;
        }
        peaks[t] = java.util.Arrays.copyOf(found, count);
    }

    /**
     * The evidence for a file tuned {@code tuning} semitones from A440, frame by frame (frames never accumulated
     * are zero): per frame 12 treble values then 12 bass values.
     */
    KeyEstimator.Evidence evidence(double tuning, double hopSeconds) {
        float[][] frames = new float[peaks.length][];
        for (int t = 0; t < peaks.length; t++) {
            double[] v = new double[24];
            double[] p = peaks[t] == null ? new double[0] : peaks[t];
            for (int i = 0; i < p.length; i += 3) {
                double midi = p[i] - tuning;
                double nearest = Math.rint(midi);
                double w = Math.max(0, 1 - 2 * Math.abs(midi - nearest));
                int pc = Math.floorMod((int) nearest, 12);
                if (p[i + 2] != BASS) {
                    v[pc] += w * p[i + 1];
                }
                if (p[i + 2] != TREBLE) {
                    v[12 + pc] += w * p[i + 1];
                }
            }
            float[] out = new float[24];
            for (int i = 0; i < 24; i++) {
                out[i] = (float) v[i];
            }
            frames[t] = out;
        }
        return new KeyEstimator.Evidence(frames, hopSeconds);
    }
}

package org.melodist.analysis;

/**
 * librosa.filters.chroma with chroma_stft's defaults: 12 Gaussian bumps per FFT bin on the pitch-class circle
 * (width twice the bin's own spacing in semitones, at least one), each bin's column normalised to unit L2
 * norm ({@code norm=2}), weighted by an octave Gaussian centred on octave 5 with width 2 ({@code ctroct=5,
 * octwidth=2}), rows rotated so row 0 is C ({@code base_c=True}), and tuned by {@code tuning} fractions of a
 * bin (librosa estimates it per file, see {@link TuningEstimator}).
 */
public final class ChromaFilterBank {

    public static final int N_CHROMA = 12;
    /** Frames summed side by side in {@link #applyFrames}. */
    private static final int LANES = 32;

    private final double[][] w = new double[N_CHROMA][Stft.BINS];
    /** The same weights bin-major (bin k's 12 weights at k * 12), for {@link #apply}. */
    private final double[] byBin = new double[Stft.BINS * N_CHROMA];

    public ChromaFilterBank(int sampleRate, double tuning) {
        int nFft = Stft.N_FFT;
        double a440 = 440.0 * Math.pow(2.0, tuning / N_CHROMA);
        // frqbins over the full (two-sided) FFT grid, as librosa builds it, then cut to 1 + n_fft/2
        double[] frq = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            double hz = (double) sampleRate * k / nFft;
            frq[k] = N_CHROMA * log2(hz / (a440 / 16));
        }
        // the 0 Hz bin is placed 1.5 octaves below bin 1
        frq[0] = frq[1] - 1.5 * N_CHROMA;
        double[] width = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) {
            width[k] = Math.max(frq[k + 1] - frq[k], 1.0);
        }
        width[nFft - 1] = 1;
        double half = Math.rint(N_CHROMA / 2.0);
        double[][] full = new double[N_CHROMA][Stft.BINS];
        for (int k = 0; k < Stft.BINS; k++) {
            double norm = 0;
            for (int c = 0; c < N_CHROMA; c++) {
                double d = floorMod(frq[k] - c + half + 10 * N_CHROMA, N_CHROMA) - half;
                double g = Math.exp(-0.5 * Math.pow(2 * d / width[k], 2));
                full[c][k] = g;
                norm += g * g;
            }
            norm = Math.sqrt(norm);
            double oct = Math.exp(-0.5 * Math.pow((frq[k] / N_CHROMA - 5.0) / 2.0, 2));
            for (int c = 0; c < N_CHROMA; c++) {
                full[c][k] = (norm > Double.MIN_NORMAL ? full[c][k] / norm : full[c][k]) * oct;
            }
        }
        // np.roll(wts, -3, axis=0): row c takes old row c+3 (A-based to C-based)
        for (int c = 0; c < N_CHROMA; c++) {
            w[c] = full[(c + 3) % N_CHROMA];
            for (int k = 0; k < Stft.BINS; k++) {
                byBin[k * N_CHROMA + c] = w[c][k];
            }
        }
    }

    /**
     * Raw chroma energy of one power-spectrum frame. The twelve sums run side by side over the bins (each still
     * adds its terms in bin order, so the values are those of twelve separate loops) rather than one after
     * another, which waits on every addition.
     */
    public void apply(double[] power, double[] out) {
        double[] acc = new double[N_CHROMA];
        for (int k = 0; k < Stft.BINS; k++) {
            double p = power[k];
            int base = k * N_CHROMA;
            for (int c = 0; c < N_CHROMA; c++) {
                acc[c] += byBin[base + c] * p;
            }
        }
        System.arraycopy(acc, 0, out, 0, N_CHROMA);
    }

    /**
     * Raw chroma energy of several frames given as power spectra in float32, one after another in {@code power}:
     * frame {@code firstFrame + i} has the power {@code power[(from + i) * BINS ..]} (i = 0 .. to-from-1, BINS =
     * {@link Stft#BINS}), and its twelve values go to
     * {@code out[c][firstFrame + i]}. The values are {@link #apply}'s for each frame's power, bit for bit: each sum
     * still adds its terms in bin order from zero, but the frames of a stretch are summed side by side (in lanes
     * the JIT vectorises) instead of one frame's twelve sums at a time.
     */
    public void applyFrames(float[] power, int from, int to, double[][] out, int firstFrame) {
        int lanes = Math.min(LANES, Math.max(1, to - from));
        double[][] powerByBin = new double[Stft.BINS][lanes];
        double[][] acc = new double[N_CHROMA][lanes];
        for (int f0 = from; f0 < to; f0 += lanes) {
            int count = Math.min(lanes, to - f0);
            for (int f = 0; f < count; f++) {
                int at = (f0 + f) * Stft.BINS;
                for (int k = 0; k < Stft.BINS; k++) {
                    powerByBin[k][f] = power[at + k];
                }
            }
            for (double[] a : acc) {
                java.util.Arrays.fill(a, 0.0);
            }
            for (int k = 0; k < Stft.BINS; k++) {
                double[] p = powerByBin[k];
                int base = k * N_CHROMA;
                for (int c = 0; c < N_CHROMA; c++) {
                    double weight = byBin[base + c];
                    double[] a = acc[c];
                    for (int f = 0; f < count; f++) {
                        a[f] += weight * p[f];
                    }
                }
            }
            for (int c = 0; c < N_CHROMA; c++) {
                System.arraycopy(acc[c], 0, out[c], firstFrame + (f0 - from), count);
            }
        }
    }

    private static double floorMod(double x, double m) {
        double r = x % m;
        return r < 0 ? r + m : r;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

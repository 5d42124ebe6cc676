package org.melodist.analysis;

/**
 * librosa.filters.mel with its defaults: 128 triangular bands from 0 Hz to sr/2 on the Slaney mel scale
 * ({@code htk=False}: linear below 1 kHz at 200/3 Hz per mel, logarithmic above with step ln(6.4)/27), each
 * band scaled to unit area ({@code norm='slaney'}: 2 / (upper edge - lower edge) in Hz).
 */
public final class MelFilterBank {

    public static final int N_MELS = 128;

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    /** Per band: first bin with a non-zero weight. */
    private final int[] first;
    /** Per band: the non-zero weights from {@code first} on. */
    private final double[][] weights;

    public MelFilterBank(int sampleRate) {
        double[] fft = Stft.binFrequencies(sampleRate);
        double[] melF = new double[N_MELS + 2];
        double minMel = hzToMel(0);
        double maxMel = hzToMel(sampleRate / 2.0);
        for (int i = 0; i < melF.length; i++) {
            melF[i] = melToHz(minMel + (maxMel - minMel) * i / (melF.length - 1));
        }
        first = new int[N_MELS];
        weights = new double[N_MELS][];
        for (int m = 0; m < N_MELS; m++) {
            double lowerW = melF[m + 1] - melF[m];
            double upperW = melF[m + 2] - melF[m + 1];
            double enorm = 2.0 / (melF[m + 2] - melF[m]);
            double[] row = new double[Stft.BINS];
            int lo = -1;
            int hi = -1;
            for (int k = 0; k < Stft.BINS; k++) {
                double lower = (fft[k] - melF[m]) / lowerW;
                double upper = (melF[m + 2] - fft[k]) / upperW;
                double w = Math.max(0, Math.min(lower, upper));
                row[k] = w * enorm;
                if (w > 0) {
                    if (lo < 0) {
                        lo = k;
                    }
                    hi = k;
                }
            }
            if (lo < 0) {
                lo = 0;
                hi = -1;
            }
            first[m] = lo;
            weights[m] = java.util.Arrays.copyOfRange(row, lo, hi + 1);
        }
    }

    /** Mel power of one frame: {@code out[m] = sum_k W[m,k] * power[k]}. */
    public void apply(double[] power, double[] out) {
        for (int m = 0; m < N_MELS; m++) {
            double[] w = weights[m];
            int f = first[m];
            double acc = 0;
            for (int i = 0; i < w.length; i++) {
                acc += w[i] * power[f + i];
            }
            out[m] = acc;
        }
    }

    static double hzToMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    static double melToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : mel * F_SP;
    }
}

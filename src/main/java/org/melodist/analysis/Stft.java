package org.melodist.analysis;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * librosa's short-time Fourier transform, one frame at a time: n_fft 2048, hop 512, periodic Hann window
 * ({@code scipy.signal.get_window('hann', 2048, fftbins=True)}), {@code center=True} with
 * {@code pad_mode='constant'} (librosa 0.10: n_fft/2 zeros on each side; the librosa that made the GTZAN table
 * padded by reflection, which changes 30-second means by well under 1 %). Frame {@code t} covers samples
 * {@code t*hop - n_fft/2 .. t*hop + n_fft/2 - 1}; there are {@code 1 + len/hop} frames.
 *
 * <p>Not thread-safe: one instance per analysing thread (it owns its FFT scratch buffer).
 */
public final class Stft {

    public static final int N_FFT = 2048;
    public static final int HOP = 512;
    public static final int BINS = N_FFT / 2 + 1;

    private static final double[] WINDOW = periodicHann(N_FFT);

    private final DoubleFFT_1D fft = new DoubleFFT_1D(N_FFT);
    private final double[] work = new double[N_FFT];

    public static int frameCount(int samples) {
        return 1 + samples / HOP;
    }

    /** Frequency of each bin: {@code k * sr / n_fft} (librosa.fft_frequencies). */
    public static double[] binFrequencies(int sampleRate) {
        double[] f = new double[BINS];
        for (int k = 0; k < BINS; k++) {
            f[k] = (double) k * sampleRate / N_FFT;
        }
        return f;
    }

    public static double[] window() {
        return WINDOW.clone();
    }

    /**
     * Complex spectrum of frame {@code t}: {@code re[k]}, {@code im[k]} for k in 0..1024. The sign of the
     * imaginary part follows JTransforms; only {@link #inverse} reads it back.
     */
    public void frame(float[] y, int t, double[] re, double[] im) {
        load(y, t);
        fft.realForward(work);
        re[0] = work[0];
        im[0] = 0;
        re[BINS - 1] = work[1];
        im[BINS - 1] = 0;
        for (int k = 1; k < BINS - 1; k++) {
            re[k] = work[2 * k];
            im[k] = work[2 * k + 1];
        }
    }

    /** Power spectrum {@code |X|^2} of frame {@code t} (what librosa's power=2 spectrograms hold). */
    public void power(float[] y, int t, double[] power) {
        load(y, t);
        fft.realForward(work);
        power[0] = work[0] * work[0];
        power[BINS - 1] = work[1] * work[1];
        for (int k = 1; k < BINS - 1; k++) {
            double a = work[2 * k];
            double b = work[2 * k + 1];
            power[k] = a * a + b * b;
        }
    }

    /**
     * Inverse of {@link #frame}: the real frame {@code irfft(X) * window} (numpy's irfft scales by 1/n_fft and
     * ignores the imaginary parts of the DC and Nyquist bins), written to {@code out[0..n_fft)}.
     */
    public void inverse(double[] re, double[] im, double[] out) {
        work[0] = re[0];
        work[1] = re[BINS - 1];
        for (int k = 1; k < BINS - 1; k++) {
            work[2 * k] = re[k];
            work[2 * k + 1] = im[k];
        }
        fft.realInverse(work, true);
        for (int n = 0; n < N_FFT; n++) {
            out[n] = work[n] * WINDOW[n];
        }
    }

    private void load(float[] y, int t) {
        int start = t * HOP - N_FFT / 2;
        if (start >= 0 && start + N_FFT <= y.length) {
            for (int n = 0; n < N_FFT; n++) {
                work[n] = y[start + n] * WINDOW[n];
            }
            return;
        }
        for (int n = 0; n < N_FFT; n++) {
            int i = start + n;
            work[n] = i >= 0 && i < y.length ? y[i] * WINDOW[n] : 0.0;
        }
    }

    private static double[] periodicHann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return w;
    }
}

package org.melodist.transcribe;

/**
 * The power of one frequency in a Hann-windowed stretch of a recording, by Goertzel's recurrence: for the few
 * partials of one note this is cheaper than a whole FFT. Samples outside the recording count as silence.
 */
final class HannGoertzel {

    private final float[] x;
    private final int rate;
    private final double[] hann;

    HannGoertzel(float[] signal, int rate, int window) {
        this.x = signal;
        this.rate = rate;
        this.hann = new double[window];
        for (int i = 0; i < window; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / window);
        }
    }

    /** Power at {@code hz} in the window centred on sample {@code centre}. */
    double power(int centre, double hz) {
        int window = hann.length;
        double w = 2 * Math.PI * hz / rate;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        int start = centre - window / 2;
        for (int k = 0; k < window; k++) {
            int j = start + k;
            double v = j >= 0 && j < x.length ? x[j] * hann[k] : 0;
            double s0 = v + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }
}

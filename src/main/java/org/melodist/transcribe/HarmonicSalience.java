package org.melodist.transcribe;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * How strongly each semitone sounds in a frame, by harmonic summation on a magnitude spectrum (TarsosDSP's FFT,
 * a 93 ms Hann window). YIN names one period per frame, and where two tones overlap (the previous note ringing on
 * under the next, a reverberant room, a slow attack rising under a fading note) it gives a common sub-harmonic or
 * nothing; the spectrum still shows both notes, and the new one with its own fundamental and harmonics. A note's
 * salience is the weighted sum of the largest magnitudes within 40 cents of its first {@link #HARMONICS}
 * harmonics (weights falling by {@link #DECAY} per harmonic, so a sub-harmonic that only shares the upper partials
 * of the sounding notes scores low).
 */
final class HarmonicSalience {

    static final int HARMONICS = 5;
    static final double DECAY = 0.8;
    private static final double HALF_RANGE = Math.pow(2, 0.4 / 12);

    private final float[] x;
    private final int rate;
    private final int size;
    private final FFT fft;
    private final float[] buf;
    private final float[] mag;
    private double harmonicity;

    HarmonicSalience(float[] signal, int rate) {
        this.x = signal;
        this.rate = rate;
        this.size = Integer.highestOneBit((int) Math.round(rate * 0.093) - 1) << 1;
        this.fft = new FFT(size, new HannWindow());
        this.buf = new float[size];
        this.mag = new float[size / 2];
    }

    /**
     * The salience of MIDI notes {@code low..high} (a semitone apart, offset by {@code tuning} semitones) in the
     * window centred at {@code timeSec}, each divided by the largest; all zero in silence.
     */
    double[] relative(double timeSec, int low, int high, double tuning) {
        spectrum(timeSec);
        double binHz = rate / (double) size;
        double nyquist = 0.45 * rate;
        double[] s = new double[high - low + 1];
        double max = 0;
        for (int m = low; m <= high; m++) {
            s[m - low] = salience(m + tuning);
            max = Math.max(max, s[m - low]);
        }
        harmonicity = harmonicity(s, low, tuning, binHz, nyquist);
        if (max > 0) {
            for (int i = 0; i < s.length; i++) {
                s[i] /= max;
            }
        }
        return s;
    }

    /**
     * The salience of two notes (real MIDI numbers at A440) in the window centred at {@code timeSec}, unnormalised:
     * which of a note and the next one dominates the sound there.
     */
    double[] pair(double timeSec, double first, double second) {
        spectrum(timeSec);
        return new double[] {salience(first), salience(second)};
    }

    private void spectrum(double timeSec) {
        int centre = (int) Math.round(timeSec * rate);
        int start = centre - size / 2;
        for (int k = 0; k < size; k++) {
            int j = start + k;
            buf[k] = j >= 0 && j < x.length ? x[j] : 0f;
        }
        fft.forwardTransform(buf);
        fft.modulus(buf, mag);
    }

    /** Harmonic sum of the last spectrum for the note at real MIDI number {@code midi}; 0 outside the pitch range. */
    private double salience(double midi) {
        double f0 = 440 * Math.pow(2, (midi - 69) / 12.0);
        if (f0 < PitchTracker.MIN_HZ || f0 > PitchTracker.MAX_HZ) {
            return 0;
        }
        double binHz = rate / (double) size;
        double nyquist = 0.45 * rate;
        double sum = 0;
        double w = 1;
        for (int h = 1; h <= HARMONICS && h * f0 < nyquist; h++) {
            int lo = (int) Math.floor(h * f0 / HALF_RANGE / binHz);
            int hi = (int) Math.ceil(h * f0 * HALF_RANGE / binHz);
            float peak = 0;
            for (int b = Math.max(1, lo); b <= Math.min(mag.length - 1, hi); b++) {
                peak = Math.max(peak, mag[b]);
            }
            sum += w * peak;
            w *= DECAY;
        }
        return sum;
    }

    /**
     * How much of the last frame's spectrum (50 Hz up to 45 % of the rate) lies within 40 cents of the harmonics of
     * its two most salient notes: near 1 for one tone or two overlapping ones, small for noise or breath.
     */
    double lastHarmonicity() {
        return harmonicity;
    }

    private double harmonicity(double[] s, int low, double tuning, double binHz, double nyquist) {
        int first = -1;
        int second = -1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] <= 0) {
                continue;
            }
            if (first < 0 || s[i] > s[first]) {
                second = first;
                first = i;
            } else if (second < 0 || s[i] > s[second]) {
                second = i;
            }
        }
        if (first < 0) {
            return 0;
        }
        int lowBin = (int) Math.ceil(PitchTracker.MIN_HZ / binHz);
        int highBin = Math.min(mag.length - 1, (int) Math.floor(nyquist / binHz));
        double total = 0;
        for (int b = lowBin; b <= highBin; b++) {
            total += mag[b] * mag[b];
        }
        if (total <= 0) {
            return 0;
        }
        boolean[] counted = new boolean[mag.length];
        double inside = 0;
        for (int note : second < 0 ? new int[] {first} : new int[] {first, second}) {
            double f0 = 440 * Math.pow(2, (note + low + tuning - 69) / 12.0);
            for (int h = 1; h <= HARMONICS && h * f0 < nyquist; h++) {
                int lo = Math.max(lowBin, (int) Math.floor(h * f0 / HALF_RANGE / binHz));
                int hi = Math.min(highBin, (int) Math.ceil(h * f0 * HALF_RANGE / binHz));
                for (int b = lo; b <= hi; b++) {
                    if (!counted[b]) {
                        counted[b] = true;
                        inside += mag[b] * mag[b];
                    }
                }
            }
        }
        return inside / total;
    }
}

package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.melodist.song.Key;

/** Values that follow from the definitions alone, with no reference implementation in the loop. */
class ExactValuesTest {

    private static final int SR = 22_050;

    private static float[] toFloat(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }

    @Test
    void pureSineOnABinHasItsFrequencyAsCentroid() {
        double hz = 100.0 * SR / Stft.N_FFT; // bin 100: the Hann main lobe is symmetric around it
        FrameFeatures f = new FeatureExtractor(SR).extract(toFloat(TestAudio.sine(hz, SR, 2.0, 0.5)));
        for (int t = 4; t < f.frames() - 4; t++) {
            assertEquals(hz, f.spectralCentroid()[t], 1e-6 * hz, "frame " + t);
            // cumulative magnitude reaches 1/4 + 1/2 = 75 % at bin 100, so 85 % is reached at bin 101
            assertEquals(101.0 * SR / Stft.N_FFT, f.rolloff()[t], 1e-9, "frame " + t);
            // bins 99..101 carry 1/4, 1/2, 1/4 of the magnitude: bandwidth = bin width / sqrt(2); the float32
            // rounding floor, spread over bins thousands of Hz away, adds about 0.4 Hz
            assertEquals(SR / (double) Stft.N_FFT / Math.sqrt(2), f.spectralBandwidth()[t], 0.6, "frame " + t);
            // a full-scale-0.5 sine has RMS 0.5 / sqrt(2)
            assertEquals(0.5 / Math.sqrt(2), f.rms()[t], 2e-3);
            // two crossings per period
            assertEquals(2 * hz / SR, f.zeroCrossingRate()[t], 1.0 / Stft.N_FFT);
        }
    }

    @Test
    void impulseTrainTempoIsItsPeriodAndBeatsFallOnTheImpulses() {
        int periodFrames = 24; // 107.67 BPM, on the tempogram's lag grid
        int periodSamples = periodFrames * Stft.HOP;
        double[] x = new double[SR * 20];
        for (int i = periodSamples; i < x.length; i += periodSamples) {
            x[i] = 0.9;
        }
        AudioAnalysis a = new AudioAnalyzer().analyze(new DecodedAudio(toFloat(x), SR, SR, 1, "test"));
        double expected = 60.0 * SR / periodSamples;
        assertEquals(expected, a.tempoBpm(), 1e-9);
        double[] beats = a.beatTimes();
        assertTrue(beats.length >= 10, "beats: " + beats.length);
        for (double b : beats) {
            double inPeriods = b / (periodSamples / (double) SR);
            assertEquals(Math.rint(inPeriods), inPeriods, 0.05, "beat at " + b + " s is not on an impulse");
        }
        for (int i = 1; i < beats.length; i++) {
            assertEquals(periodSamples / (double) SR, beats[i] - beats[i - 1], 1e-9);
        }
    }

    @Test
    void triadsGiveTheirKey() {
        // C major: C E G plus the rest of the scale softer; A minor: A C E with G# leading tone
        double[][] cMajor = chromaOf(new double[] {1, 0, 0.3, 0, 0.8, 0.4, 0, 0.9, 0, 0.3, 0, 0.2});
        KeyEstimator.KeyEstimate k = new KeyEstimator().estimate(cMajor);
        assertEquals(new Key(0, Key.Mode.MAJOR), k.key());
        assertTrue(k.correlation() > 0.8 && k.confidence() > 0, k.toString());
        double[][] aMinor = chromaOf(new double[] {0.8, 0, 0.3, 0, 0.9, 0.3, 0, 0.2, 0.4, 1, 0, 0.3});
        assertEquals(new Key(9, Key.Mode.MINOR), new KeyEstimator().estimate(aMinor).key());
    }

    @Test
    void keyOfASynthesisedScaleFromAudio() {
        // a G major arpeggio G B D as sines: the chroma path end to end
        double[] x = new double[SR * 4];
        double[] hz = {392.0, 493.88, 587.33, 196.0};
        double[] gain = {1.0, 0.6, 0.7, 0.5};
        for (int j = 0; j < hz.length; j++) {
            double[] s = TestAudio.sine(hz[j], SR, 4.0, 0.15 * gain[j]);
            for (int i = 0; i < x.length; i++) {
                x[i] += s[i];
            }
        }
        AudioAnalysis a = new AudioAnalyzer().analyze(new DecodedAudio(toFloat(x), SR, SR, 1, "test"));
        assertEquals(new Key(7, Key.Mode.MAJOR), a.key().key(), a.key().toString());
    }

    @Test
    void tinyAndImpulsiveInputsGiveFiniteResults() {
        for (int n : new int[] {1, 10, 511, 512, 2048, 5000}) {
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = (float) (0.5 * Math.sin(i * 0.3));
            }
            AudioAnalysis a = new AudioAnalyzer().analyze(new DecodedAudio(y, SR, SR, 1, "test"));
            assertEquals(1 + n / 512, a.frames().frames());
            for (var e : a.features().entrySet()) {
                assertTrue(Double.isFinite(e.getValue()), n + " samples: " + e.getKey() + " = " + e.getValue());
            }
            assertTrue(Double.isFinite(a.key().correlation()), n + " samples: key " + a.key());
        }
    }

    private static double[][] chromaOf(double[] profile) {
        double[][] c = new double[12][3];
        for (int i = 0; i < 12; i++) {
            java.util.Arrays.fill(c[i], profile[i]);
        }
        return c;
    }
}

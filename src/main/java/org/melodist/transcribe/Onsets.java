package org.melodist.transcribe;

import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.UnsupportedAudioFileException;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.onsets.ComplexOnsetDetector;

/**
 * Note onsets by TarsosDSP's complex-domain detector (Duxbury et al., after aubio), which sees a new attack
 * even where the pitch stays the same: a repeated note, a tongued or re-bowed one. TarsosDSP stamps each onset
 * about two frames before the attack is heard (measured on rendered melodies: a median of 90 ms at 512-sample
 * frames, 11,025 Hz), so the stamps are moved later by {@link #DELAY_FRAMES} frames.
 */
final class Onsets {

    static final int FRAME = 512;
    static final int HOP = 128;
    static final double DELAY_FRAMES = 1.95;
    private static final double THRESHOLD = 0.3;
    private static final double MIN_INTERVAL_SEC = 0.04;
    private static final double SILENCE_DB = -70;

    private Onsets() {
    }

    /** Onset times in seconds, ascending, with the detector's salience of each. */
    record Found(double[] times, double[] saliences) {
        static final Found NONE = new Found(new double[0], new double[0]);

        /** The times of the onsets at least {@code salience} strong. */
        double[] atLeast(double salience) {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < times.length; i++) {
                if (saliences[i] >= salience) {
                    out.add(times[i]);
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    static Found detect(float[] signal, int rate) {
        if (signal.length < FRAME) {
            return Found.NONE;
        }
        AudioDispatcher dispatcher;
        try {
            dispatcher = AudioDispatcherFactory.fromFloatArray(signal, rate, FRAME, FRAME - HOP);
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalStateException("TarsosDSP refused a mono float stream at " + rate + " Hz", e);
        }
        ComplexOnsetDetector detector = new ComplexOnsetDetector(FRAME, THRESHOLD, MIN_INTERVAL_SEC, SILENCE_DB);
        List<double[]> found = new ArrayList<>();
        double delay = DELAY_FRAMES * FRAME / (double) rate;
        detector.setHandler((time, salience) -> found.add(new double[] {time + delay, salience}));
        dispatcher.addAudioProcessor(detector);
        dispatcher.run();
        found.sort((a, b) -> Double.compare(a[0], b[0]));
        return new Found(found.stream().mapToDouble(o -> o[0]).toArray(), found.stream().mapToDouble(o -> o[1]).toArray());
    }
}

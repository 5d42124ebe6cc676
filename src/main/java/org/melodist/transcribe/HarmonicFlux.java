package org.melodist.transcribe;

import java.util.Arrays;

/**
 * Spectral flux at one note's own harmonics: where a note is struck again while it still sounds (a repeated note
 * whose release overlaps the new attack), the level of the whole signal need not dip or step, but the energy at the
 * note's partials is renewed at once. For each frame of a run of one note, the energy at its first
 * {@link HarmonicSalience#HARMONICS} harmonics is measured with the Goertzel algorithm on a 23 ms Hann window (the
 * fundamental followed frame by frame where the pitch track agrees with the note, so vibrato and drift do not move a
 * partial out of its window), each partial floored {@link #FLOOR_DB} below the run's strongest; a frame's flux is the
 * mean rise in dB of the partials over {@link #LAG_FRAMES} frames (falls count as zero).
 *
 * <p>{@link #reattack} then asks whether the flux around a detected onset stands out from the note's own flux: at
 * least {@link #MIN_RISE_DB} and {@link #OVER_NOTE} times the 90th percentile of the run's flux (an ensemble's beating
 * or a bow's wavering raise the percentile, so only a renewal well beyond them counts). Thresholds chosen on renders of
 * validation tunes 21-28 (not the first 20 that {@code evaluate-transcribe} reports by default).
 */
final class HarmonicFlux {

    static final int LAG_FRAMES = 2;
    static final double FLOOR_DB = 40;
    static final double MIN_RISE_DB = 2;
    static final double OVER_NOTE = 2;
    private static final double WINDOW_SEC = 0.0232;
    /** The flux is looked at from this many frames before a detected onset to {@link #AFTER_FRAMES} after it. */
    private static final int BEFORE_FRAMES = 2;
    private static final int AFTER_FRAMES = 5;

    private final int rate;
    private final int window;
    private final HannGoertzel partials;

    HarmonicFlux(float[] signal, int rate) {
        this.rate = rate;
        this.window = Math.max(32, Integer.highestOneBit((int) Math.round(rate * WINDOW_SEC)));
        this.partials = new HannGoertzel(signal, rate, window);
    }

    /**
     * The flux of frames {@code from..to} (exclusive) of {@code track} for the note at real MIDI number {@code note}
     * (A440); index 0 is frame {@code from}, and the first {@link #LAG_FRAMES} are 0.
     */
    double[] flux(PitchTrack track, int from, int to, double note) {
        int n = Math.max(0, to - from);
        double[][] db = new double[n][HarmonicSalience.HARMONICS];
        double top = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            double m = track.midi(from + t);
            if (Double.isNaN(m) || Math.abs(m - note) > 1) {
                m = note;
            }
            double f0 = 440 * Math.pow(2, (m - 69) / 12.0);
            int centre = (int) Math.round(track.time(from + t) * rate);
            for (int h = 0; h < HarmonicSalience.HARMONICS; h++) {
                double hz = (h + 1) * f0;
                db[t][h] = hz < 0.45 * rate ? 10 * Math.log10(partials.power(centre, hz) + 1e-12) : Double.NaN;
                if (!Double.isNaN(db[t][h])) {
                    top = Math.max(top, db[t][h]);
                }
            }
        }
        double floor = top - FLOOR_DB;
        double[] flux = new double[n];
        for (int t = LAG_FRAMES; t < n; t++) {
            double sum = 0;
            int count = 0;
            for (int h = 0; h < HarmonicSalience.HARMONICS; h++) {
                if (Double.isNaN(db[t][h])) {
                    continue;
                }
                sum += Math.max(0, Math.max(floor, db[t][h]) - Math.max(floor, db[t - LAG_FRAMES][h]));
                count++;
            }
            flux[t] = count == 0 ? 0 : sum / count;
        }
        return flux;
    }

    /**
     * True when the partials of a run are renewed around its frame {@code f} (relative to the run's first frame):
     * the largest flux within a few frames of it is at least {@link #MIN_RISE_DB} and {@link #OVER_NOTE} times the
     * run's 90th percentile.
     */
    static boolean reattack(double[] flux, int f) {
        if (flux.length < 4 * LAG_FRAMES) {
            return false;
        }
        double[] sorted = flux.clone();
        Arrays.sort(sorted);
        double p90 = sorted[(int) (0.9 * (sorted.length - 1))];
        double peak = 0;
        for (int t = Math.max(LAG_FRAMES, f - BEFORE_FRAMES); t <= Math.min(flux.length - 1, f + AFTER_FRAMES); t++) {
            peak = Math.max(peak, flux[t]);
        }
        return peak >= MIN_RISE_DB && peak >= OVER_NOTE * p90;
    }
}

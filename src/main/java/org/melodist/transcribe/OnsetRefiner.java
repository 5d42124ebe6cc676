package org.melodist.transcribe;

/**
 * Moves a note's onset back to where the note's own partials start to sound. The pitch track names a new note
 * only once it dominates the frame, which after a legato change or a soft attack (a bowed or blown note, a
 * breathy voice) is tens of milliseconds after it began. Here the energy at the new note's fundamental and
 * second harmonic is followed on a fine grid (23 ms Hann windows every 3 ms) over the preceding stretch; the
 * onset is the earliest point from which that energy stays within {@link #RISE_DB} of its level in the note.
 */
final class OnsetRefiner {

    static final double RISE_DB = 15;
    private static final double WINDOW_SEC = 0.023;
    private static final double LOOK_BACK_SEC = 0.15;
    private static final double LOOK_AHEAD_SEC = 0.04;
    /** Less rise than this over the stretch: nothing clear to go by, the onset stays. */
    private static final double MIN_CONTRAST_DB = 8;

    private final int rate;
    private final int window;
    private final int step;
    private final HannGoertzel partials;

    OnsetRefiner(float[] signal, int rate) {
        this.rate = rate;
        this.window = Math.max(32, Integer.highestOneBit((int) (rate * WINDOW_SEC)));
        this.step = Math.max(1, window / 8);
        this.partials = new HannGoertzel(signal, rate, window);
    }

    /**
     * The refined onset in seconds for a note of {@code hz} the tracker starts at {@code onsetSec}, no earlier
     * than {@code earliestSec}.
     */
    double refine(double onsetSec, double hz, double earliestSec) {
        double from = Math.max(earliestSec, onsetSec - LOOK_BACK_SEC);
        int c0 = (int) Math.round(from * rate);
        int cOnset = (int) Math.round(onsetSec * rate);
        int c1 = (int) Math.round((onsetSec + LOOK_AHEAD_SEC) * rate);
        if (c1 - c0 < 4 * step) {
            return onsetSec;
        }
        int n = (c1 - c0) / step + 1;
        double[] level = new double[n];
        double target = Double.NEGATIVE_INFINITY;
        double floor = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int c = c0 + i * step;
            level[i] = partialLevelDb(c, hz);
            if (c >= cOnset) {
                target = Math.max(target, level[i]);
            }
            floor = Math.min(floor, level[i]);
        }
        if (target - floor < MIN_CONTRAST_DB) {
            return onsetSec;
        }
        int iOnset = Math.min(n - 1, Math.max(0, (cOnset - c0) / step));
        int i = iOnset;
        while (i > 0 && level[i - 1] >= target - RISE_DB) {
            i--;
        }
        // and forward, when the tracker was early (the partial is not yet there at its onset)
        while (i < n - 1 && level[i] < target - RISE_DB) {
            i++;
        }
        return Math.max(earliestSec, (c0 + i * step) / (double) rate);
    }

    /** Energy in dB at {@code hz} and {@code 2 hz} in a Hann window centred on sample {@code centre}. */
    private double partialLevelDb(int centre, double hz) {
        double e = partials.power(centre, hz);
        if (2 * hz < 0.45 * rate) {
            e += partials.power(centre, 2 * hz);
        }
        return 10 * Math.log10(e + 1e-12);
    }
}

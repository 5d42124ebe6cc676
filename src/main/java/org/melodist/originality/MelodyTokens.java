package org.melodist.originality;

/**
 * The transposition- and tempo-free alphabet of the originality check. Note {@code i} (from the second on)
 * becomes one token: the interval from the previous note in semitones (clamped to two octaves either way)
 * and the ratio of its inter-onset interval to the previous note's, quantised on a log scale in half-octave
 * steps (1, about 1.4, 2, 2.8, 4, ...; clamped to 1/8..8). A melody moved to another key, written at another
 * tempo or resolution, or in doubled or halved note values gives the same tokens. Rests count in the
 * inter-onset interval; the last note's duration stands in for its interval.
 */
public final class MelodyTokens {

    public static final int MAX_INTERVAL = 24;
    public static final int MAX_RATIO_STEP = 6;
    private static final int RATIO_STEPS = 2 * MAX_RATIO_STEP + 1;
    /** Number of distinct tokens; every token fits in 10 bits. */
    public static final int ALPHABET = (2 * MAX_INTERVAL + 1) * RATIO_STEPS;
    public static final int BITS = 10;

    private MelodyTokens() {
    }

    public static int token(int interval, int ratioStep) {
        int iv = Math.max(-MAX_INTERVAL, Math.min(MAX_INTERVAL, interval)) + MAX_INTERVAL;
        int r = Math.max(-MAX_RATIO_STEP, Math.min(MAX_RATIO_STEP, ratioStep)) + MAX_RATIO_STEP;
        return iv * RATIO_STEPS + r;
    }

    public static int interval(int token) {
        return token / RATIO_STEPS - MAX_INTERVAL;
    }

    public static int ratioStep(int token) {
        return token % RATIO_STEPS - MAX_RATIO_STEP;
    }

    /** The ratio step of two inter-onset intervals: round(2 log2(ioi / previous)). */
    public static int ratioStep(double ioi, double previousIoi) {
        return (int) Math.round(2 * Math.log(ioi / previousIoi) / Math.log(2));
    }

    /** Tokens of notes {@code from+1 .. to-1} (one fewer than the notes; empty for fewer than two notes). */
    static short[] tokens(int[] pitches, int[] onsets, int[] durations, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return new short[0];
        }
        short[] out = new short[n - 1];
        double previousIoi = ioi(onsets, durations, from, to);
        for (int i = from + 1; i < to; i++) {
            double ioi = ioi(onsets, durations, i, to);
            out[i - from - 1] = (short) token(pitches[i] - pitches[i - 1], ratioStep(ioi, previousIoi));
            previousIoi = ioi;
        }
        return out;
    }

    /** Time from note {@code i}'s onset to the next one, or its duration for the last note; never zero. */
    static double ioi(int[] onsets, int[] durations, int i, int to) {
        int d = i + 1 < to ? onsets[i + 1] - onsets[i] : durations[i];
        return Math.max(d, Melody.UNITS_PER_BEAT / 64);
    }
}

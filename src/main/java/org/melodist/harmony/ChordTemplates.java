package org.melodist.harmony;

import java.util.Collection;

/**
 * Names a set of sounding notes by template matching: every root and quality is scored by the pitch
 * classes it explains, minus those present that it does not contain and those it contains that are
 * absent; a chord whose root is in the bass wins a tie (C-E-G-A over A is Am7, over C it is C6), then
 * the simpler quality (the order of {@link ChordQuality}).
 */
public final class ChordTemplates {

    /** A pitch class counts as present when it sounds at least this share of the loudest one's time. */
    private static final double PRESENT = 0.25;

    /**
     * The best chord and how well it fits.
     *
     * @param unexplained pitch classes that sound but are not in the chord
     * @param missing     chord notes that do not sound
     */
    public record Match(Chord chord, int unexplained, int missing) {
        /** A clean match: every sounding pitch class is a chord note and at most one chord note (the fifth, say) is left out. */
        public boolean clean() {
            return unexplained == 0 && missing <= 1;
        }
    }

    private ChordTemplates() {
    }

    /** Names MIDI pitches sounding together; the lowest is the bass. Empty: N. */
    public static Match name(Collection<Integer> pitches) {
        double[] w = new double[12];
        int bass = Integer.MAX_VALUE;
        for (int p : pitches) {
            w[Math.floorMod(p, 12)] += 1;
            bass = Math.min(bass, p);
        }
        return match(w, pitches.isEmpty() ? -1 : Math.floorMod(bass, 12));
    }

    /** Names weighted pitch classes (any scale, e.g. seconds sounding) with {@code bassPc} the lowest note's class or -1. */
    public static Match match(double[] weights, int bassPc) {
        double max = 0;
        for (double x : weights) {
            max = Math.max(max, x);
        }
        if (max <= 0) {
            return new Match(Chord.NONE, 0, 0);
        }
        boolean[] present = new boolean[12];
        int presentCount = 0;
        for (int pc = 0; pc < 12; pc++) {
            present[pc] = weights[pc] >= PRESENT * max;
            if (present[pc]) presentCount++;
        }
        double bestScore = Double.NEGATIVE_INFINITY;
        Match best = null;
        for (ChordQuality q : ChordQuality.values()) {
            for (int root = 0; root < 12; root++) {
                int hit = 0;
                for (int i = 0; i < q.size(); i++) {
                    if (present[(root + q.interval(i)) % 12]) hit++;
                }
                int missing = q.size() - hit;
                int unexplained = presentCount - hit;
                double score = hit - unexplained - missing + (root == bassPc ? 0.5 : 0);
                // strict '>' keeps the first of equal scores: qualities in declaration order, simpler first
                if (score > bestScore) {
                    bestScore = score;
                    best = new Match(new Chord(root, q), unexplained, missing);
                }
            }
        }
        return best;
    }
}

package org.melodist.harmony;

import java.util.List;

/**
 * The duration/transition model both harmonisers decode with: the chance that the chord changes at a beat
 * depends on where the beat is (bar line, half bar, elsewhere), and where it changes, the next chord
 * depends on the last (a bigram over key-relative chords, smoothed toward how common the next chord is).
 * {@link #viterbi} finds the likeliest chord sequence given per-beat log scores of each chord.
 */
public final class ChordTransitions {

    private static final int K = Chord.VOCABULARY;
    /** Pseudo-counts pulling a chord's successors toward the overall chord frequencies. */
    private static final double BACKOFF = 5;

    private final double[] logStay;
    private final double[] logChange;
    private final double[][] logNext;
    private final double[] logInitial;
    private final double[] logPrior;

    private ChordTransitions(double[] logStay, double[] logChange, double[][] logNext, double[] logInitial, double[] logPrior) {
        this.logStay = logStay;
        this.logChange = logChange;
        this.logNext = logNext;
        this.logInitial = logInitial;
        this.logPrior = logPrior;
    }

    /** Log of how often each key-relative chord sounds on a beat in the training tunes (smoothed). */
    public double logPrior(int chord) {
        return logPrior[chord];
    }

    /** Counts changes and successions in key-relative labels. */
    public static ChordTransitions train(List<LabelledTune> tunes) {
        double[] beats = new double[BeatGrid.CHANGE_CLASSES];
        double[] changes = new double[BeatGrid.CHANGE_CLASSES];
        double[][] pairs = new double[K][K];
        double[] unigram = new double[K];
        double[] initial = new double[K];
        for (LabelledTune t : tunes) {
            int prev = -1;
            for (int b = 0; b < t.beats(); b++) {
                int c = t.relativeLabel(b);
                unigram[c]++;
                if (prev < 0) {
                    initial[c]++;
                } else {
                    int cls = t.grid().changeClass()[b];
                    beats[cls]++;
                    if (c != prev) {
                        changes[cls]++;
                        pairs[prev][c]++;
                    }
                }
                prev = c;
            }
        }
        double[] logStay = new double[BeatGrid.CHANGE_CLASSES];
        double[] logChange = new double[BeatGrid.CHANGE_CLASSES];
        for (int cls = 0; cls < logStay.length; cls++) {
            double p = (changes[cls] + 1) / (beats[cls] + 2);
            logStay[cls] = Math.log(1 - p);
            logChange[cls] = Math.log(p);
        }
        double total = 0;
        for (double u : unigram) total += u;
        double[] prior = new double[K];
        for (int c = 0; c < K; c++) {
            prior[c] = (unigram[c] + 0.5) / (total + 0.5 * K);
        }
        double[][] logNext = new double[K][K];
        for (int i = 0; i < K; i++) {
            double rowTotal = 0;
            double priorOthers = 1 - prior[i];
            for (int j = 0; j < K; j++) {
                if (j != i) rowTotal += pairs[i][j];
            }
            for (int j = 0; j < K; j++) {
                logNext[i][j] = j == i ? 0 // unused: staying is logStay
                        : Math.log((pairs[i][j] + BACKOFF * prior[j] / priorOthers) / (rowTotal + BACKOFF));
            }
        }
        double initTotal = 0;
        for (double x : initial) initTotal += x;
        double[] logInitial = new double[K];
        for (int c = 0; c < K; c++) {
            logInitial[c] = Math.log((initial[c] + BACKOFF * prior[c]) / (initTotal + BACKOFF));
        }
        double[] logPrior = new double[K];
        for (int c = 0; c < K; c++) logPrior[c] = Math.log(prior[c]);
        return new ChordTransitions(logStay, logChange, logNext, logInitial, logPrior);
    }

    /** Flat state for saving: stay/change log-probabilities, then the initial row, the prior, then the successor matrix. */
    public double[] toArray() {
        double[] a = new double[2 * BeatGrid.CHANGE_CLASSES + 2 * K + K * K];
        int o = 0;
        for (int c = 0; c < BeatGrid.CHANGE_CLASSES; c++) {
            a[o++] = logStay[c];
            a[o++] = logChange[c];
        }
        for (int c = 0; c < K; c++) a[o++] = logInitial[c];
        for (int c = 0; c < K; c++) a[o++] = logPrior[c];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                a[o++] = logNext[i][j];
            }
        }
        return a;
    }

    public static ChordTransitions fromArray(double[] a) {
        if (a.length != 2 * BeatGrid.CHANGE_CLASSES + 2 * K + K * K) {
            throw new IllegalArgumentException("transition table has " + a.length + " numbers, expected "
                    + (2 * BeatGrid.CHANGE_CLASSES + 2 * K + K * K));
        }
        double[] stay = new double[BeatGrid.CHANGE_CLASSES];
        double[] change = new double[BeatGrid.CHANGE_CLASSES];
        int o = 0;
        for (int c = 0; c < BeatGrid.CHANGE_CLASSES; c++) {
            stay[c] = a[o++];
            change[c] = a[o++];
        }
        double[] init = new double[K];
        for (int c = 0; c < K; c++) init[c] = a[o++];
        double[] prior = new double[K];
        for (int c = 0; c < K; c++) prior[c] = a[o++];
        double[][] next = new double[K][K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                next[i][j] = a[o++];
            }
        }
        return new ChordTransitions(stay, change, next, init, prior);
    }

    /** Probability of a chord change at a beat of the given class. */
    public double changeProbability(int changeClass) {
        return Math.exp(logChange[changeClass]);
    }

    /**
     * The likeliest key-relative chord per beat: maximises the sum of {@code weight * scores[t][c]} plus the
     * transition log-probabilities. {@code scores} are per-beat log scores (T x {@link Chord#VOCABULARY}).
     */
    public int[] viterbi(double[][] scores, int[] changeClass, double weight) {
        int n = scores.length;
        if (n == 0) {
            return new int[0];
        }
        double[] delta = new double[K];
        double[] next = new double[K];
        int[][] back = new int[n][K];
        for (int c = 0; c < K; c++) {
            delta[c] = logInitial[c] + weight * scores[0][c];
        }
        // successor matrix by target chord, so the inner loop reads one row
        double[][] into = new double[K][K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                into[j][i] = logNext[i][j];
            }
        }
        for (int t = 1; t < n; t++) {
            int cls = changeClass[t];
            double stay = logStay[cls];
            double change = logChange[cls];
            for (int j = 0; j < K; j++) {
                double[] col = into[j];
                double bestChange = Double.NEGATIVE_INFINITY;
                int argChange = j;
                for (int i = 0; i < K; i++) {
                    double v = delta[i] + col[i];
                    if (v > bestChange && i != j) {
                        bestChange = v;
                        argChange = i;
                    }
                }
                double viaStay = delta[j] + stay;
                double viaChange = bestChange + change;
                if (viaChange > viaStay) {
                    next[j] = viaChange + weight * scores[t][j];
                    back[t][j] = argChange;
                } else {
                    next[j] = viaStay + weight * scores[t][j];
                    back[t][j] = j;
                }
            }
            double[] swap = delta;
            delta = next;
            next = swap;
        }
        int arg = 0;
        for (int c = 1; c < K; c++) {
            if (delta[c] > delta[arg]) arg = c;
        }
        int[] path = new int[n];
        path[n - 1] = arg;
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = back[t][path[t]];
        }
        return path;
    }
}

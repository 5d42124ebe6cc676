package org.melodist.harmony;

import java.util.List;

/**
 * The baseline, after MySong/Songsmith (Simon, Morris and Basu, 2008): a hidden Markov model whose states
 * are key-relative chords, with the shared transition model and, per beat, the melody's pitch classes
 * (weighted by how long they sound) as emissions: {@code log P(beat | chord) = sum w(pc) log P(pc | chord)}.
 * Rare chords borrow their note distribution from their quality (pooled over roots).
 */
public final class HmmHarmonizer extends ViterbiHarmonizer {

    private static final double BACKOFF = 2;

    private final double[][] logEmission;
    private final ChordTransitions transitions;
    private final double weight;

    HmmHarmonizer(double[][] logEmission, ChordTransitions transitions, double weight) {
        this.logEmission = logEmission;
        this.transitions = transitions;
        this.weight = weight;
    }

    /** Counts the training tunes' notes per chord and their chord successions. */
    public static HmmHarmonizer train(List<LabelledTune> tunes) {
        return train(tunes, ChordTransitions.train(tunes), 1.0);
    }

    public static HmmHarmonizer train(List<LabelledTune> tunes, ChordTransitions transitions, double weight) {
        int k = Chord.VOCABULARY;
        double[][] counts = new double[k][12];
        int qualities = ChordQuality.values().length;
        double[][] pooled = new double[qualities][12];
        for (LabelledTune t : tunes) {
            BeatGrid g = t.grid();
            for (int b = 0; b < t.beats(); b++) {
                int c = t.relativeLabel(b);
                Chord chord = Chord.ofIndex(c);
                for (int pc = 0; pc < 12; pc++) {
                    double w = g.pitchWeight(b, pc);
                    counts[c][pc] += w;
                    if (!chord.isNone()) {
                        pooled[chord.quality().ordinal()][Math.floorMod(pc - chord.root(), 12)] += w;
                    }
                }
            }
        }
        double[][] logEmission = new double[k][12];
        for (int c = 0; c < k; c++) {
            Chord chord = Chord.ofIndex(c);
            double[] base = new double[12];
            if (chord.isNone()) {
                java.util.Arrays.fill(base, 1.0 / 12);
            } else {
                double[] q = pooled[chord.quality().ordinal()];
                double total = 0;
                for (double x : q) total += x + 0.1;
                for (int pc = 0; pc < 12; pc++) {
                    base[pc] = (q[Math.floorMod(pc - chord.root(), 12)] + 0.1) / total;
                }
            }
            double total = 0;
            for (double x : counts[c]) total += x;
            for (int pc = 0; pc < 12; pc++) {
                logEmission[c][pc] = Math.log((counts[c][pc] + BACKOFF * base[pc]) / (total + BACKOFF));
            }
        }
        return new HmmHarmonizer(logEmission, transitions, weight);
    }

    /** The same model with another emission weight (tuned on the development tunes). */
    public HmmHarmonizer withWeight(double newWeight) {
        return new HmmHarmonizer(logEmission, transitions, newWeight);
    }

    @Override
    public String name() {
        return "HMM";
    }

    /** The per-beat posterior under the model's emissions and chord prior (for ranking alternatives). */
    @Override
    double[][] relativeLogPosteriors(BeatGrid grid) {
        double[][] ll = likelihoods(grid);
        double[][] lp = new double[ll.length][];
        for (int b = 0; b < ll.length; b++) {
            lp[b] = new double[ll[b].length];
            for (int c = 0; c < ll[b].length; c++) {
                lp[b][c] = weight * ll[b][c] + transitions.logPrior(c);
            }
        }
        return lp;
    }

    /** Viterbi weighs the plain likelihoods: the prior is already in the transitions. */
    @Override
    double[][] decodingScores(BeatGrid grid, double[][] logPosteriors) {
        double[][] s = new double[logPosteriors.length][];
        for (int b = 0; b < s.length; b++) {
            s[b] = new double[logPosteriors[b].length];
            for (int c = 0; c < s[b].length; c++) {
                s[b][c] = (logPosteriors[b][c] - transitions.logPrior(c)) / weight;
            }
        }
        return s;
    }

    double[][] likelihoods(BeatGrid grid) {
        int k = Chord.VOCABULARY;
        double[][] s = new double[grid.beats()][k];
        for (int b = 0; b < grid.beats(); b++) {
            for (int pc = 0; pc < 12; pc++) {
                double w = grid.pitchWeight(b, pc);
                if (w == 0) continue;
                for (int c = 0; c < k; c++) {
                    s[b][c] += w * logEmission[c][pc];
                }
            }
        }
        return s;
    }

    @Override
    ChordTransitions transitions() {
        return transitions;
    }

    @Override
    double emissionWeight() {
        return weight;
    }
}

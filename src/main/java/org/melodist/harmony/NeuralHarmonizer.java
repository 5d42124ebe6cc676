package org.melodist.harmony;

/**
 * The shipped harmoniser: the bidirectional LSTM's per-beat chord posteriors (optionally divided by a power of
 * the chord prior), decoded by Viterbi with the duration/transition model, so chords change where the
 * training tunes change them (bar lines, half bars) rather than flicker from beat to beat.
 */
public final class NeuralHarmonizer extends ViterbiHarmonizer {

    private final HarmonyModel model;
    private final double emissionWeight;
    private final double priorWeight;

    public NeuralHarmonizer(HarmonyModel model) {
        this(model, model.config().emissionWeight(), model.config().priorWeight());
    }

    public NeuralHarmonizer(HarmonyModel model, double emissionWeight, double priorWeight) {
        this.model = model;
        this.emissionWeight = emissionWeight;
        this.priorWeight = priorWeight;
    }

    @Override
    public String name() {
        return "BiLSTM";
    }

    @Override
    double[][] relativeLogPosteriors(BeatGrid grid) {
        return model.logPosteriors(grid);
    }

    @Override
    double[][] decodingScores(BeatGrid grid, double[][] logPosteriors) {
        if (priorWeight == 0) {
            return logPosteriors;
        }
        ChordTransitions t = model.transitions();
        double[][] s = new double[logPosteriors.length][];
        for (int b = 0; b < s.length; b++) {
            s[b] = logPosteriors[b].clone();
            for (int c = 0; c < s[b].length; c++) {
                s[b][c] -= priorWeight * t.logPrior(c);
            }
        }
        return s;
    }

    @Override
    ChordTransitions transitions() {
        return model.transitions();
    }

    @Override
    double emissionWeight() {
        return emissionWeight;
    }
}

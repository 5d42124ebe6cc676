package org.melodist.harmony;

/**
 * A harmoniser that scores every key-relative chord at every beat and decodes the sequence with the
 * shared {@link ChordTransitions}; results are turned back to absolute chords.
 */
abstract class ViterbiHarmonizer implements Harmonizer {

    /** Per beat, the (unnormalised) log-probability of each key-relative chord (T x {@link Chord#VOCABULARY}): what alternatives and top-n are ranked by. */
    abstract double[][] relativeLogPosteriors(BeatGrid grid);

    /** Per beat, the log score of each key-relative chord that Viterbi weighs against the transitions. */
    abstract double[][] decodingScores(BeatGrid grid, double[][] logPosteriors);

    abstract ChordTransitions transitions();

    /** How much the scores count against the transition log-probabilities. */
    abstract double emissionWeight();

    @Override
    public Harmonization harmonize(BeatGrid grid) {
        double[][] rel = relativeLogPosteriors(grid);
        int[] path = transitions().viterbi(decodingScores(grid, rel), grid.changeClass(), emissionWeight());
        int tonic = grid.key().tonic();
        int k = Chord.VOCABULARY;
        int[] abs = new int[path.length];
        float[][] logp = new float[path.length][k];
        int[] toAbsolute = new int[k];
        for (int c = 0; c < k; c++) {
            toAbsolute[c] = Chord.ofIndex(c).transpose(tonic).index();
        }
        for (int t = 0; t < path.length; t++) {
            abs[t] = toAbsolute[path[t]];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) max = Math.max(max, rel[t][c]);
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.exp(rel[t][c] - max);
            double logZ = max + Math.log(sum);
            for (int c = 0; c < k; c++) {
                logp[t][toAbsolute[c]] = (float) (rel[t][c] - logZ);
            }
        }
        return new Harmonization(grid, abs, logp);
    }
}

package org.melodist.generate;

import java.util.Arrays;
import java.util.Random;
import org.melodist.song.Key;

/**
 * Draws the next token from a row of logits: grammar mask (never START, no HOLD after a rest), optional
 * key lock, temperature, then top-k and top-p (nucleus) filtering. Deterministic for a given Random.
 */
final class TokenSampler {

    private final MelodyEncoding enc;
    private final double temperature;
    private final int topK;
    private final double topP;
    private final boolean[] keyAllowed;
    private final Integer[] order;
    private final double[] probs;

    TokenSampler(MelodyEncoding enc, GenerationOptions opt) {
        this.enc = enc;
        this.temperature = opt.temperature();
        this.topK = opt.topK();
        this.topP = opt.topP();
        int v = enc.vocabularySize();
        keyAllowed = new boolean[v];
        Key key = opt.keyLock();
        for (int t = 0; t < v; t++) {
            keyAllowed[t] = t != MelodyEncoding.START
                    && (!MelodyEncoding.isNoteOn(t) || key == null || key.contains(enc.pitchOf(t)));
        }
        order = new Integer[v];
        probs = new double[v];
    }

    /** Samples from {@code logits[offset .. offset+vocab)} given the previous token of the row. */
    int sample(float[] logits, int offset, int previous, Random rng) {
        int v = enc.vocabularySize();
        boolean holdAllowed = MelodyEncoding.isNoteOn(previous) || previous == MelodyEncoding.HOLD;
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < v; t++) {
            boolean ok = keyAllowed[t] && (t != MelodyEncoding.HOLD || holdAllowed) && Float.isFinite(logits[offset + t]);
            probs[t] = ok ? logits[offset + t] / temperature : Double.NEGATIVE_INFINITY;
            max = Math.max(max, probs[t]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return MelodyEncoding.REST;
        }
        double sum = 0;
        for (int t = 0; t < v; t++) {
            probs[t] = probs[t] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(probs[t] - max);
            sum += probs[t];
        }
        for (int t = 0; t < v; t++) {
            probs[t] /= sum;
            order[t] = t;
        }
        if (topK > 0 || topP < 1) {
            Arrays.sort(order, (a, b) -> Double.compare(probs[b], probs[a]));
            double kept = 0;
            for (int r = 0; r < v; r++) {
                int t = order[r];
                boolean keep = (topK == 0 || r < topK) && (r == 0 || kept < topP);
                if (keep) kept += probs[t]; else probs[t] = 0;
            }
            for (int t = 0; t < v; t++) {
                probs[t] /= kept;
            }
        }
        double u = rng.nextDouble();
        double acc = 0;
        int last = MelodyEncoding.REST;
        for (int t = 0; t < v; t++) {
            if (probs[t] > 0) {
                acc += probs[t];
                last = t;
                if (u < acc) return t;
            }
        }
        return last;
    }
}

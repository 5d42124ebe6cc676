package org.melodist.generate;

import java.util.Arrays;
import java.util.Random;
import org.melodist.song.Key;

/**
 * Draws the next token from a row of logits: grammar mask (never START, no HOLD after a rest), optional
 * key lock, optional chord mask (Follow chords: on a strong beat only chord tones may start or go on
 * sounding), temperature, then top-k and top-p (nucleus) filtering. Deterministic for a given Random.
 * Each draw also tells {@link #lastNll()}: the drawn token's negative log-likelihood under the model itself
 * (temperature 1, grammar mask only), which is what following the chords costs in likelihood.
 */
final class TokenSampler {

    private final MelodyEncoding enc;
    private final double temperature;
    private final int topK;
    private final double topP;
    private final boolean[] keyAllowed;
    private final Integer[] order;
    private final double[] probs;
    private double lastNll;

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
        return sample(logits, offset, previous, -1, 0, rng);
    }

    /**
     * Samples as {@link #sample(float[], int, int, Random)}, and where {@code chordMask} is not 0 (a strong beat
     * under a chord; bit {@code pc} set for each chord tone) a note may start there, or the note
     * {@code soundingPitch} (-1: a rest) be held across it, only when it is a chord tone.
     */
    int sample(float[] logits, int offset, int previous, int soundingPitch, int chordMask, Random rng) {
        int v = enc.vocabularySize();
        boolean holdAllowed = MelodyEncoding.isNoteOn(previous) || previous == MelodyEncoding.HOLD;
        boolean holdFollows = chordMask == 0 || (soundingPitch >= 0 && (chordMask >> (soundingPitch % 12) & 1) != 0);
        double max = Double.NEGATIVE_INFINITY;
        double modelMax = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < v; t++) {
            boolean grammar = t != MelodyEncoding.START && (t != MelodyEncoding.HOLD || holdAllowed)
                    && Float.isFinite(logits[offset + t]);
            if (grammar) modelMax = Math.max(modelMax, logits[offset + t]);
            boolean follows = chordMask == 0 || (t == MelodyEncoding.HOLD ? holdFollows
                    : !MelodyEncoding.isNoteOn(t) || (chordMask >> (enc.pitchOf(t) % 12) & 1) != 0);
            boolean ok = grammar && keyAllowed[t] && follows;
            probs[t] = ok ? logits[offset + t] / temperature : Double.NEGATIVE_INFINITY;
            max = Math.max(max, probs[t]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            lastNll = Double.NaN;
            return MelodyEncoding.REST;
        }
        int drawn = draw(max, rng);
        double z = 0;
        for (int t = 0; t < v; t++) {
            if (t != MelodyEncoding.START && (t != MelodyEncoding.HOLD || holdAllowed) && Float.isFinite(logits[offset + t])) {
                z += Math.exp(logits[offset + t] - modelMax);
            }
        }
        lastNll = -(logits[offset + drawn] - modelMax - Math.log(z));
        return drawn;
    }

    /** The negative log-likelihood, under the unconstrained model, of the token the last draw returned. */
    double lastNll() {
        return lastNll;
    }

    private int draw(double max, Random rng) {
        int v = enc.vocabularySize();
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

package org.melodist.generate;

import java.util.ArrayList;
import java.util.List;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * A seed and one continuation of it on the model's grid, as the generator saw them: the tokens from the bar line
 * before the seed's first note ({@link EncodedTune}, so every step has its bar position) and the step {@code from}
 * where the continuation starts. The preference learner scores the model on steps {@code from..end} only.
 */
public record Continuation(EncodedTune tune, int from) {

    /** Seeds longer than this are kept to their last bars, as the generator primes on at most its last bars. */
    static final int MAX_CONTEXT_STEPS = 128;

    public Continuation {
        if (from < 0 || from >= tune.length()) {
            throw new IllegalArgumentException("continuation step " + from + " is outside the tune's " + tune.length() + " steps");
        }
    }

    /** Steps of the continuation. */
    public int steps() {
        return tune.length() - from;
    }

    /** The continuation's tokens alone. */
    public int[] continuationTokens() {
        int[] all = tune.tokens();
        return java.util.Arrays.copyOfRange(all, from, all.length);
    }

    /**
     * Encodes {@code seed} (notes before the continuation) and {@code candidate} (the continuation's notes, ticks on the
     * same timeline) with {@code enc}. The continuation starts where the seed's last note ends (or at the candidate's
     * first note if that is earlier) and runs to the bar line after its last note; the context before it is the seed
     * from a bar line, at most {@link #MAX_CONTEXT_STEPS} steps. Pitches outside the model's range fold by octaves.
     */
    public static Continuation encode(MelodyEncoding enc, List<Note> seed, List<Note> candidate, int ppq, TimeSignature ts) {
        if (seed.isEmpty()) {
            throw new IllegalArgumentException("the seed has no notes");
        }
        if (candidate.isEmpty()) {
            throw new IllegalArgumentException("the continuation has no notes");
        }
        int stepsPerBar = enc.stepsPerBar(ts);
        long seedEnd = 0;
        long firstOn = Long.MAX_VALUE;
        for (Note n : seed) {
            seedEnd = Math.max(seedEnd, Math.max(enc.stepAt(n.end(), ppq), enc.stepAt(n.start(), ppq) + 1));
            firstOn = Math.min(firstOn, enc.stepAt(n.start(), ppq));
        }
        long candStart = Long.MAX_VALUE;
        long candEnd = 0;
        for (Note n : candidate) {
            candStart = Math.min(candStart, enc.stepAt(n.start(), ppq));
            candEnd = Math.max(candEnd, Math.max(enc.stepAt(n.end(), ppq), enc.stepAt(n.start(), ppq) + 1));
        }
        long continueStep = Math.min(seedEnd, candStart);
        long endStep = Math.floorDiv(candEnd + stepsPerBar - 1, stepsPerBar) * stepsPerBar;
        long firstStep = Math.floorDiv(firstOn, stepsPerBar) * stepsPerBar;
        if (continueStep - firstStep > MAX_CONTEXT_STEPS) {
            firstStep = Math.floorDiv(continueStep - MAX_CONTEXT_STEPS + stepsPerBar - 1, stepsPerBar) * stepsPerBar;
        }
        List<Note> line = new ArrayList<>();
        for (Note n : seed) {
            if (enc.stepAt(n.start(), ppq) < continueStep) {
                line.add(n);
            }
        }
        line.addAll(candidate);
        line.sort(null);
        int[] tokens = enc.encode(line, ppq, firstStep, endStep);
        for (int i = 0; i < tokens.length && tokens[i] == MelodyEncoding.HOLD; i++) {
            tokens[i] = MelodyEncoding.REST; // a cut-off context may begin inside a held note
        }
        return new Continuation(new EncodedTune("judged", tokens, firstStep, stepsPerBar), (int) (continueStep - firstStep));
    }
}

package org.melodist.generate;

import java.util.Collection;
import java.util.List;
import org.melodist.song.Note;
import org.melodist.song.edit.AcceptContinuation;

/**
 * Continuations, one note list per variation, on the grid from {@code startTick} (where the seed was
 * cut) to {@code endTick}. {@code tokens} are the raw sampled tokens per variation, for inspection;
 * {@code nll} is their mean negative log-likelihood per step under the model itself (NaN when not known),
 * which rises when constraints such as Follow chords pull the samples away from what the model expects.
 */
public record GenerationResult(List<List<Note>> variations, long startTick, long endTick, int steps,
                               List<int[]> tokens, double millis, double nll) {

    public GenerationResult(List<List<Note>> variations, long startTick, long endTick, int steps,
                            List<int[]> tokens, double millis) {
        this(variations, startTick, endTick, steps, tokens, millis, Double.NaN);
    }

    public GenerationResult {
        variations = variations.stream().map(List::copyOf).toList();
        tokens = tokens.stream().map(int[]::clone).toList();
    }

    /**
     * The seed as it leads into the continuation: its notes that start before {@link #startTick}, with a note
     * still sounding there shortened to end on it, so that seed and continuation never overlap.
     */
    public List<Note> seedCutAtStart(Collection<Note> seed) {
        return AcceptContinuation.cutAt(seed, startTick);
    }
}

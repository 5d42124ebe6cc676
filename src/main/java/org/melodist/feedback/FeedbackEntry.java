package org.melodist.feedback;

import java.util.List;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * One judged variation, one line of {@code feedback.jsonl}: the seed it continued and the continuation alone (ticks on the
 * song's timeline, tick 0 = the start of bar 1), whether the musician kept it, and, when known, the tempo, the sampling
 * settings and the model that wrote it. {@code tempoBpm}, {@code settings} and {@code model} may be null.
 */
public record FeedbackEntry(int ppq, TimeSignature timeSignature, Double tempoBpm, List<Note> seed, List<Note> candidate,
                            boolean accepted, Settings settings, String model) {

    /** The sampling settings the variation was drawn with; {@code key} null when no key lock was on. */
    public record Settings(double temperature, double topP, Key key) {
    }

    public FeedbackEntry {
        if (ppq < 1) {
            throw new IllegalArgumentException("ppq " + ppq + " must be positive");
        }
        if (timeSignature == null) {
            throw new IllegalArgumentException("the time signature is missing");
        }
        if (tempoBpm != null && !(tempoBpm > 0)) {
            throw new IllegalArgumentException("tempoBpm " + tempoBpm + " must be positive");
        }
        seed = List.copyOf(seed).stream().sorted().toList();
        candidate = List.copyOf(candidate).stream().sorted().toList();
    }

    public FeedbackEntry withAccepted(boolean v) {
        return new FeedbackEntry(ppq, timeSignature, tempoBpm, seed, candidate, v, settings, model);
    }
}

package org.melodist.perform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.melodist.generate.GenerationOptions;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyLines;
import org.melodist.generate.MelodySeed;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * The model's side of a jam: continues the musician's phrase with one variation of {@code bars} bars that
 * starts on the phrase's answer beat, at the phrase's mean velocity. Only what the answer needs is generated (one row, N bars), the
 * model stays loaded, and {@link #warmUp} runs a first answer before the jam starts so that the first
 * real one does not pay for class loading and native set-up.
 */
public final class JamResponder {

    /** An answer and how long it took to compute. */
    public record Answer(int phraseId, List<Note> notes, long startTick, long endTick, double computeMillis) {
        public Answer {
            notes = List.copyOf(notes);
        }
    }

    private final MelodyGenerator generator;

    public JamResponder(MelodyGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /**
     * The answer to {@code phrase} with {@code options}' bars, temperature, sampling filters, key lock and
     * seed (one variation, starting at the answer beat). Earlier context can be given in {@code context}
     * (e.g. the previous exchange) to be primed before the phrase.
     */
    public Answer answer(JamTiming.Phrase phrase, List<Note> context, int ppq, TimeSignature metre,
                         GenerationOptions options) {
        long t0 = System.nanoTime();
        List<Note> seed = new ArrayList<>(phrase.notes());
        for (Note n : context) {
            if (n.end() <= phrase.notes().get(0).start()) seed.add(n);
        }
        seed.sort(null);
        if (!MelodyLines.isMonophonic(seed)) seed = MelodyLines.skyline(seed);
        GenerationOptions one = options.withVariations(1).withContinueFromTick(phrase.answerTick());
        GenerationResult result = generator.generate(new MelodySeed(seed, ppq, metre), one);
        // the answer comes back as loud as the phrase was played
        int velocity = (int) Math.round(phrase.notes().stream().mapToInt(Note::velocity).average().orElse(90));
        List<Note> notes = result.variations().get(0).stream().map(n -> n.withVelocity(velocity)).toList();
        double millis = (System.nanoTime() - t0) / 1e6;
        return new Answer(phrase.id(), notes, result.startTick(), result.endTick(), millis);
    }

    /** One throw-away answer on a made-up phrase, so that the first real answer is as fast as the rest. */
    public void warmUp(int ppq, TimeSignature metre, GenerationOptions options) {
        long beat = metre.ticksPerBeat(ppq);
        List<Note> notes = List.of(new Note(60, 90, 0, beat), new Note(64, 90, beat, beat), new Note(67, 90, 2 * beat, beat));
        JamTiming.Phrase probe = new JamTiming.Phrase(0, notes, 4 * beat, 5 * beat);
        for (int i = 0; i < 3; i++) answer(probe, List.of(), ppq, metre, options);
    }
}

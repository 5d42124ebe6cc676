package org.melodist.harmony;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.melodist.generate.ChordGuide;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodySeed;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * What Follow chords does to generated melodies, on held-out tunes with their own (human) chords: each tune's
 * first bars are continued by the melody model twice with the same random seed, free and following the tune's
 * chords, and the share of notes heard on strong beats that are chord tones is counted for both and for the
 * bars the composer wrote; the mean negative log-likelihood per step under the model is its cost.
 */
public final class FollowChordsEvaluation {

    /** Settings: how many seed bars, how many bars to continue, variations per tune and the sampling. */
    public record Settings(int seedBars, int bars, int variations, double temperature, long rngSeed, int maxTunes) {
    }

    /** The figures: strong-beat chord-tone shares (free, following, the composers') and the NLL per step. */
    public record Result(int tunes, int variations, ChordGuide.ToneShare free, ChordGuide.ToneShare follow,
                         ChordGuide.ToneShare human, double nllFree, double nllFollow, double millis) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tunes", tunes);
            m.put("variationsPerTune", variations);
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("free", free.share());
            share.put("follow", follow.share());
            share.put("human", human.share());
            m.put("strongBeatChordToneShare", share);
            Map<String, Object> notes = new LinkedHashMap<>();
            notes.put("free", free.strongBeatNotes());
            notes.put("follow", follow.strongBeatNotes());
            notes.put("human", human.strongBeatNotes());
            m.put("strongBeatNotes", notes);
            Map<String, Object> nll = new LinkedHashMap<>();
            nll.put("free", nllFree);
            nll.put("follow", nllFollow);
            m.put("nllPerStep", nll);
            return m;
        }
    }

    private FollowChordsEvaluation() {
    }

    /** Runs on the validation tunes long enough for the seed and the continuation (by name, at most {@code maxTunes}). */
    public static Result run(List<LabelledTune> tunes, MelodyGenerator generator, Settings s, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        List<LabelledTune> sorted = new ArrayList<>(tunes);
        sorted.sort(Comparator.comparing(LabelledTune::name));
        ChordGuide.ToneShare free = new ChordGuide.ToneShare(0, 0);
        ChordGuide.ToneShare follow = new ChordGuide.ToneShare(0, 0);
        ChordGuide.ToneShare human = new ChordGuide.ToneShare(0, 0);
        double nllFree = 0;
        double nllFollow = 0;
        int used = 0;
        for (LabelledTune t : sorted) {
            if (used >= s.maxTunes() || cancelled.getAsBoolean()) break;
            BeatGrid g = t.grid();
            TimeSignature ts = g.timeSignature();
            int ppq = g.ppq();
            long bar = ts.ticksPerBar(ppq);
            List<Note> melody = g.melody();
            if (melody.isEmpty()) continue;
            long firstBar = Math.floorDiv(melody.get(0).start(), bar) * bar;
            long cut = firstBar + s.seedBars() * bar;
            long end = cut + s.bars() * bar;
            if (melody.get(melody.size() - 1).end() < end) continue;
            List<Note> seedNotes = melody.stream().filter(n -> n.start() < cut).toList();
            if (seedNotes.isEmpty()) continue;
            ChordGuide chords = ChordLanes.guide(t.labels(), ppq);
            GenerationOptions opt = GenerationOptions.defaults().withBars(s.bars()).withVariations(s.variations())
                    .withTemperature(s.temperature()).withRngSeed(s.rngSeed()).withContinueFromTick(cut);
            MelodySeed seed = new MelodySeed(seedNotes, ppq, ts);
            GenerationResult a = generator.generate(seed, opt);
            GenerationResult b = generator.generate(seed, opt.withChords(chords));
            for (List<Note> v : a.variations()) free = free.plus(chords.toneShare(v, a.startTick(), a.endTick(), ts, ppq));
            for (List<Note> v : b.variations()) follow = follow.plus(chords.toneShare(v, b.startTick(), b.endTick(), ts, ppq));
            human = human.plus(chords.toneShare(melody, a.startTick(), a.endTick(), ts, ppq));
            nllFree += a.nll();
            nllFollow += b.nll();
            used++;
        }
        if (used == 0) {
            throw new IllegalArgumentException("no validation tune is long enough for " + s.seedBars() + " seed bars and "
                    + s.bars() + " more");
        }
        return new Result(used, s.variations(), free, follow, human, nllFree / used, nllFollow / used,
                (System.nanoTime() - t0) / 1e6);
    }
}

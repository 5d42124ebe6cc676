package org.melodist.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.melodist.generate.EncodedTune;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyEncoding;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodySeed;
import org.melodist.harmony.HarmonyInputs;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * Simulated musicians: seeds cut from real tunes, variations from a model, judged by a {@link Taste} the way the studio
 * logs a thumbs up or down on each variation, and the share of variations a taste keeps.
 */
public final class FeedbackSimulation {

    /** Resolution of the simulated songs. */
    public static final int PPQ = 480;

    /** A seed: a few bars of a real tune from bar 1, in the tune's metre and (estimated) key. */
    public record Seed(String tune, List<Note> notes, TimeSignature timeSignature, Key key) {
        public MelodySeed melodySeed() {
            return new MelodySeed(notes, PPQ, timeSignature);
        }
    }

    /** How the simulated musician works: variations per Generate, bars per variation, temperatures tried. */
    public record Setup(int variations, int bars, double[] temperatures, double topP) {
        public Setup {
            temperatures = temperatures.clone();
        }
    }

    private FeedbackSimulation() {
    }

    /** A metre with {@code stepsPerBar} sixteenths (12 -> 6/8, the folk common case; 16 -> 4/4...). */
    static TimeSignature metre(int stepsPerBar) {
        if (stepsPerBar == 12) return new TimeSignature(6, 8);
        if (stepsPerBar % 4 == 0) return new TimeSignature(stepsPerBar / 4, 4);
        if (stepsPerBar % 2 == 0) return new TimeSignature(stepsPerBar / 2, 8);
        return new TimeSignature(stepsPerBar, 16);
    }

    /**
     * {@code count} seeds of {@code seedBars} bars from random bars of random tunes (each leaving room for a continuation
     * of {@code bars} more), deterministic for {@code rngSeed}.
     */
    public static List<Seed> seeds(List<EncodedTune> tunes, MelodyEncoding enc, int count, int seedBars, int bars, long rngSeed) {
        Random rng = new Random(rngSeed);
        List<EncodedTune> usable = tunes.stream().filter(t -> t.length() >= (seedBars + bars) * t.stepsPerBar()).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no tune is long enough for a seed of " + seedBars + " bars and " + bars + " more");
        }
        List<Seed> out = new ArrayList<>();
        int attempts = 0;
        while (out.size() < count && attempts++ < count * 20) {
            EncodedTune t = usable.get(rng.nextInt(usable.size()));
            int spb = t.stepsPerBar();
            int barsIn = t.length() / spb;
            int startBar = rng.nextInt(barsIn - seedBars - bars + 1);
            int[] tokens = Arrays.copyOfRange(t.tokens(), startBar * spb, (startBar + seedBars) * spb);
            List<Note> notes = enc.decode(tokens, 0, PPQ, 90);
            if (notes.size() < 3) continue;
            Key key = HarmonyInputs.estimateKey(enc.decode(t.tokens(), 0, PPQ, 90));
            out.add(new Seed(t.name(), notes, metre(spb), key));
        }
        return out;
    }

    /**
     * The musician generates {@code setup.variations()} continuations per seed (temperature cycling through the setup's)
     * and gives each a thumbs up or down by {@code taste}, until {@code judgements} are logged.
     */
    public static List<FeedbackEntry> judge(MelodyGenerator generator, String modelName, Taste taste, List<Seed> seeds,
                                            Setup setup, int judgements, long rngSeed) {
        List<FeedbackEntry> out = new ArrayList<>();
        Random rng = new Random(rngSeed);
        for (int i = 0; out.size() < judgements; i++) {
            Seed s = seeds.get(i % seeds.size());
            double temperature = setup.temperatures()[i % setup.temperatures().length];
            GenerationOptions opt = GenerationOptions.defaults().withBars(setup.bars()).withVariations(setup.variations())
                    .withTemperature(temperature).withTopP(setup.topP()).withKeyLock(s.key()).withRngSeed(rng.nextLong());
            GenerationResult r = generator.generate(s.melodySeed(), opt);
            List<Note> seedNotes = r.seedCutAtStart(s.notes());
            for (List<Note> v : r.variations()) {
                if (out.size() >= judgements) break;
                out.add(new FeedbackEntry(PPQ, s.timeSignature(), 112.0, seedNotes, v, taste.likes(seedNotes, v, PPQ, s.key()),
                        new FeedbackEntry.Settings(temperature, setup.topP(), s.key()), modelName));
            }
        }
        return out;
    }

    /** Kept and judged variations: {@code setup.variations()} per seed at one temperature and top-p, key-locked as the studio does. */
    public static int[] acceptance(MelodyGenerator generator, Taste taste, List<Seed> seeds, int variations, int bars,
                                   double temperature, double topP, long rngSeed) {
        Random rng = new Random(rngSeed);
        int kept = 0;
        int judged = 0;
        for (Seed s : seeds) {
            GenerationOptions opt = GenerationOptions.defaults().withBars(bars).withVariations(variations)
                    .withTemperature(temperature).withTopP(topP).withKeyLock(s.key()).withRngSeed(rng.nextLong());
            GenerationResult r = generator.generate(s.melodySeed(), opt);
            List<Note> seedNotes = r.seedCutAtStart(s.notes());
            for (List<Note> v : r.variations()) {
                judged++;
                if (taste.likes(seedNotes, v, PPQ, s.key())) kept++;
            }
        }
        return new int[] {kept, judged};
    }
}

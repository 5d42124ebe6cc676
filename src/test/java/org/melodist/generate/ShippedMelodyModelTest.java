package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.melodist.AppPaths;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.PitchNames;
import org.melodist.song.TimeSignature;

/** Musical checks on the model the app ships in models/melody-lstm. */
class ShippedMelodyModelTest {

    private static MelodyGenerator generator;

    @BeforeAll
    static void load() throws IOException {
        Optional<Path> dir = AppPaths.model(MelodyModels.SHIPPED_NAME);
        if (dir.isEmpty()) {
            System.out.println("skipped: shipped melody model not found (" + AppPaths.modelsSearchDescription() + ")");
        }
        Assumptions.assumeTrue(dir.isPresent(), "shipped melody model not found");
        generator = MelodyGenerator.load(dir.get());
    }

    @AfterAll
    static void close() {
        if (generator != null) generator.close();
    }

    /** A seed from "NAME:EIGHTHS" pairs, e.g. "G4:2 A4:1". */
    private static MelodySeed seed(String text, TimeSignature ts) {
        List<Note> notes = new ArrayList<>();
        long tick = 0;
        for (String part : text.trim().split("\\s+")) {
            String[] nd = part.split(":");
            long len = Long.parseLong(nd[1]) * 240;
            notes.add(new Note(PitchNames.parse(nd[0]), 90, tick, len));
            tick += len;
        }
        return new MelodySeed(notes, 480, ts);
    }

    private static final List<Object[]> TONAL_SEEDS = List.of(
            new Object[] {"C major", seed("C5:2 E5:1 G5:1 C6:2 G5:2 A5:1 G5:1 F5:1 E5:1 D5:2 C5:2", TimeSignature.FOUR_FOUR)},
            new Object[] {"G major", seed("D5:1 G5:1 G5:1 B5:1 A5:1 G5:1 F#5:1 G5:1 A5:2 D5:2 B4:1 D5:1 G5:2", TimeSignature.FOUR_FOUR)},
            new Object[] {"D major", seed("A4:1 D5:1 F#5:1 D5:1 A5:2 F#5:1 E5:1 D5:2 E5:1 F#5:1 E5:2 C#5:1 A4:1", new TimeSignature(6, 8))},
            new Object[] {"F major", seed("F4:2 A4:2 C5:2 A4:1 C5:1 F5:3 E5:1 D5:2 C5:2 A4:2", new TimeSignature(3, 4))});

    @Test
    void tonalSeedsAreContinuedMostlyInTheirKey() {
        StringBuilder summary = new StringBuilder();
        boolean ok = true;
        for (Object[] row : TONAL_SEEDS) {
            Key key = Key.parse((String) row[0]);
            GenerationResult r = generator.generate((MelodySeed) row[1], GenerationOptions.defaults().withVariations(8).withBars(4));
            int in = 0;
            int all = 0;
            for (List<Note> v : r.variations()) {
                for (Note n : v) {
                    all++;
                    if (key.contains(n.pitch())) in++;
                }
            }
            double share = (double) in / all;
            System.out.printf("%s seed: %d of %d continuation notes in key (%.1f %%)%n", key, in, all, 100 * share);
            summary.append(String.format("%s %d/%d; ", key, in, all));
            ok &= all >= 40 && share >= 0.90;
        }
        assertTrue(ok, "each tonal seed needs >= 40 notes, >= 90 % in key: " + summary);
    }

    @Test
    void keyLockGivesOnlyInKeyNotesEvenAgainstTheSeed() {
        Key eMajor = Key.parse("E major");
        MelodySeed cSeed = (MelodySeed) TONAL_SEEDS.get(0)[1];
        GenerationResult r = generator.generate(cSeed, GenerationOptions.defaults().withVariations(8).withBars(4)
                .withKeyLock(eMajor).withTemperature(1.5));
        int notes = 0;
        for (List<Note> v : r.variations()) {
            for (Note n : v) {
                notes++;
                assertTrue(eMajor.contains(n.pitch()), n + " outside " + eMajor);
            }
        }
        assertTrue(notes >= 40, "notes: " + notes);
    }

    @Test
    void fixedRngSeedIsDeterministicAndNothingIsNaN() {
        MelodySeed s = (MelodySeed) TONAL_SEEDS.get(1)[1];
        GenerationOptions opt = GenerationOptions.defaults().withVariations(4).withBars(2).withRngSeed(99).withTopP(0.9);
        GenerationResult a = generator.generate(s, opt);
        GenerationResult b = generator.generate(s, opt);
        assertEquals(a.variations(), b.variations());
        EncodedTune tune = new EncodedTune("seed", MelodyEncoding.DEFAULT.encode(s.notes(), 480, 0, 32), 0, 16);
        double nll = MelodyScorer.score(generator.model(), List.of(tune)).nll();
        assertTrue(Double.isFinite(nll) && nll > 0, "NLL " + nll);
    }

    @Test
    void steppingMatchesReRunningAndCancelWorks() {
        MelodySeed s = (MelodySeed) TONAL_SEEDS.get(2)[1];
        GenerationOptions opt = GenerationOptions.defaults().withVariations(2).withBars(1).withRngSeed(3);
        GenerationResult stepped = generator.generate(s, opt);
        GenerationResult rerun = generator.generateByRerunning(s, opt, MelodyGenerator.Progress.NONE);
        assertArrayEquals(rerun.tokens().get(0), stepped.tokens().get(0));
        assertArrayEquals(rerun.tokens().get(1), stepped.tokens().get(1));
        boolean[] cancel = {false};
        assertThrows(CancellationException.class, () -> generator.generate(s, GenerationOptions.defaults(),
                (done, total) -> cancel[0] = done >= 3, () -> cancel[0]));
    }
}

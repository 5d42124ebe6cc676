package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

class MelodyGeneratorTest {

    private static MelodyGenerator generator;
    private final MelodySeed seed = MelodyBenchmark.sixteenNoteSeed();

    @BeforeAll
    static void load() throws IOException {
        generator = MelodyGenerator.load(TinyMelodyModel.dir());
    }

    @AfterAll
    static void close() {
        generator.close();
    }

    @Test
    void sameRngSeedGivesTheSameNotesAndAnotherSeedOtherNotes() {
        GenerationOptions opt = GenerationOptions.defaults().withVariations(3).withBars(2).withRngSeed(11);
        GenerationResult a = generator.generate(seed, opt);
        GenerationResult b = generator.generate(seed, opt);
        assertEquals(a.variations(), b.variations());
        GenerationResult c = generator.generate(seed, opt.withRngSeed(12));
        assertNotEquals(a.variations(), c.variations());
    }

    @Test
    void continuationIsOnTheGridAfterTheSeed() {
        GenerationResult r = generator.generate(seed, GenerationOptions.defaults().withVariations(4).withBars(3));
        long seedEnd = seed.notes().stream().mapToLong(Note::end).max().orElseThrow();
        assertEquals(seedEnd, r.startTick());
        assertEquals(48, r.steps());
        assertEquals(seedEnd + 48 * 120, r.endTick());
        assertEquals(4, r.variations().size());
        for (List<Note> v : r.variations()) {
            for (int i = 0; i < v.size(); i++) {
                Note n = v.get(i);
                assertEquals(0, n.start() % 120, "onset on the 16th grid: " + n);
                assertEquals(0, n.duration() % 120, "length on the grid: " + n);
                assertTrue(n.start() >= r.startTick() && n.end() <= r.endTick(), n.toString());
                if (i > 0) assertTrue(v.get(i - 1).end() <= n.start(), "monophonic");
            }
        }
    }

    @Test
    void keyLockSamplesOnlyInScaleNotes() {
        Key eFlat = Key.parse("Eb major");
        GenerationResult r = generator.generate(seed, GenerationOptions.defaults().withVariations(8).withBars(4)
                .withKeyLock(eFlat).withTemperature(2.0));
        int notes = 0;
        for (List<Note> v : r.variations()) {
            for (Note n : v) {
                notes++;
                assertTrue(eFlat.contains(n.pitch()), n + " is not in " + eFlat);
            }
        }
        assertTrue(notes > 10, "enough notes to mean something: " + notes);
    }

    @Test
    void continueFromTickCutsTheSeedThere() {
        GenerationResult r = generator.generate(seed, GenerationOptions.defaults().withVariations(1).withBars(1)
                .withContinueFromTick(1000));
        assertEquals(1080, r.startTick(), "rounded up to the next 16th");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> generator.generate(seed, GenerationOptions.defaults().withContinueFromTick(0)));
        assertTrue(e.getMessage().contains("no notes before"), e.getMessage());
    }

    @Test
    void statefulSteppingMatchesReRunningTheWholeSequence() {
        GenerationOptions opt = GenerationOptions.defaults().withVariations(2).withBars(2).withRngSeed(5);
        GenerationResult stepped = generator.generate(seed, opt);
        GenerationResult rerun = generator.generateByRerunning(seed, opt, MelodyGenerator.Progress.NONE);
        for (int v = 0; v < 2; v++) {
            assertArrayEquals(rerun.tokens().get(v), stepped.tokens().get(v));
        }
    }

    @Test
    void cancelFlagAndInterruptStopAGeneration() {
        AtomicBoolean cancel = new AtomicBoolean();
        int[] seen = {0};
        assertThrows(CancellationException.class, () -> generator.generate(seed, GenerationOptions.defaults().withBars(8),
                (done, total) -> {
                    seen[0] = done;
                    if (done == 5) cancel.set(true);
                }, cancel::get));
        assertEquals(5, seen[0]);
        try {
            assertThrows(CancellationException.class, () -> generator.generate(seed, GenerationOptions.defaults(),
                    (done, total) -> Thread.currentThread().interrupt(), () -> false));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller");
        }
    }

    @Test
    void concurrentCallsOnOneModelGiveTheSequentialResults() throws Exception {
        List<GenerationOptions> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(GenerationOptions.defaults().withVariations(2).withBars(2).withRngSeed(i));
        }
        List<GenerationResult> expected = new ArrayList<>();
        for (GenerationOptions o : jobs) {
            expected.add(generator.generate(seed, o));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<GenerationResult>> futures = new ArrayList<>();
            for (GenerationOptions o : jobs) {
                futures.add(pool.submit(() -> generator.generate(seed, o)));
            }
            for (int i = 0; i < jobs.size(); i++) {
                assertEquals(expected.get(i).variations(), futures.get(i).get().variations());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threeFourSeedIsContinuedInWholeBarsOfTwelveSteps() {
        MelodySeed waltz = new MelodySeed(List.of(new Note(67, 90, 0, 480), new Note(64, 90, 480, 480),
                new Note(60, 90, 960, 480)), 480, new TimeSignature(3, 4));
        GenerationResult r = generator.generate(waltz, GenerationOptions.defaults().withBars(2).withVariations(1));
        assertEquals(24, r.steps());
    }

    @Test
    void badSeedsAndOptionsAreRefusedWithReasons() {
        assertThrows(IllegalArgumentException.class, () -> new MelodySeed(List.of(), 480, TimeSignature.FOUR_FOUR));
        assertThrows(IllegalArgumentException.class, () -> GenerationOptions.defaults().withTemperature(0));
        assertThrows(IllegalArgumentException.class, () -> GenerationOptions.defaults().withVariations(0));
        assertThrows(IllegalArgumentException.class, () -> GenerationOptions.defaults().withTopP(1.5));
    }

    @Test
    void missingOrCorruptModelFilesAreNamedInTheError(@TempDir Path tmp) throws IOException {
        IOException missingDir = assertThrows(IOException.class, () -> MelodyModel.load(tmp.resolve("nope")));
        assertTrue(missingDir.getMessage().contains("nope"), missingDir.getMessage());

        Path noConfig = Files.createDirectories(tmp.resolve("noconfig"));
        IOException e1 = assertThrows(IOException.class, () -> MelodyModel.load(noConfig));
        assertTrue(e1.getMessage().contains("config.json"), e1.getMessage());

        Path truncated = copyModel(tmp.resolve("truncated"));
        Path params = truncated.resolve("melody-lstm.params");
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException e2 = assertThrows(IOException.class, () -> MelodyModel.load(truncated));
        assertTrue(e2.getMessage().contains("melody-lstm.params"), e2.getMessage());

        Path wrongSize = copyModel(tmp.resolve("wrongsize"));
        Path config = wrongSize.resolve("config.json");
        Files.writeString(config, Files.readString(config).replaceFirst("\"hidden\" : 16", "\"hidden\" : 24"));
        IOException e3 = assertThrows(IOException.class, () -> MelodyModel.load(wrongSize));
        assertTrue(e3.getMessage().contains("melody-lstm.params"), e3.getMessage());

        Path badJson = copyModel(tmp.resolve("badjson"));
        Files.writeString(badJson.resolve("config.json"), "{ not json");
        IOException e4 = assertThrows(IOException.class, () -> MelodyModel.load(badJson));
        assertTrue(e4.getMessage().contains("config.json"), e4.getMessage());
        assertFalse(e4.getMessage().contains("\n"));
    }

    private static Path copyModel(Path to) throws IOException {
        Files.createDirectories(to);
        try (var s = Files.list(TinyMelodyModel.dir())) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return to;
    }
}

package org.melodist.originality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.AppPaths;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.GenerationResult;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodySeed;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

class FolderIndexAndCopyAvoidanceTest {

    private static void writeTune(Path file, long seed) throws Exception {
        new MidiFileWriter().write(Song.of(480, 120, List.of(Track.of("t", 0, 0, OriginalityIndexTest.tune(seed, 40)))), file);
    }

    @Test
    void foldersAreIndexedIncrementallyAndKeptBetweenRuns(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("tunes/sub"));
        writeTune(dir.resolve("tunes/a.mid"), 1);
        writeTune(dir.resolve("tunes/b.mid"), 2);
        writeTune(folder.resolve("c.mid"), 3);
        Files.writeString(dir.resolve("tunes/bad.mid"), "not MIDI");
        Path cache = dir.resolve("cache/folders.idx");
        List<Path> folders = List.of(dir.resolve("tunes"), dir.resolve("gone"));

        FolderIndex.Update first = new FolderIndex(cache).update(folders, CorpusFolders.Progress.NONE, () -> false);
        assertEquals(4, first.files());
        assertEquals(4, first.read());
        assertEquals(3, first.melodies().size());
        assertEquals(1, first.skipped().size());
        assertTrue(first.skipped().get(0).contains("bad.mid"), first.skipped().toString());

        // a new instance (as after a restart) reads nothing unchanged
        FolderIndex.Update second = new FolderIndex(cache).update(folders, CorpusFolders.Progress.NONE, () -> false);
        assertEquals(0, second.read());
        assertEquals(4, second.reused());
        assertEquals(3, second.melodies().size());

        // one file changed, one removed: only the changed one is read
        writeTune(dir.resolve("tunes/a.mid"), 99);
        Files.setLastModifiedTime(dir.resolve("tunes/a.mid"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Files.delete(folder.resolve("c.mid"));
        FolderIndex.Update third = new FolderIndex(cache).update(folders, CorpusFolders.Progress.NONE, () -> false);
        assertEquals(1, third.read());
        assertEquals(2, third.reused());
        assertEquals(2, third.melodies().size());
        Melody a = third.melodies().stream().filter(m -> m.name().endsWith("a.mid")).findFirst().orElseThrow();
        assertEquals(Melody.of("x", OriginalityIndexTest.tune(99, 40), 480).tokens().length, a.tokens().length);
        assertEquals(OriginalityIndexTest.tune(99, 40).get(0).pitch(), a.pitch(0));

        // a damaged cache is rebuilt, not fatal
        Files.writeString(cache, "garbage");
        FolderIndex.Update fourth = new FolderIndex(cache).update(folders, CorpusFolders.Progress.NONE, () -> false);
        assertEquals(3, fourth.read());
        assertEquals(2, fourth.melodies().size());
    }

    @Test
    void copiedVariationsAreResampled() throws Exception {
        Optional<Path> model = AppPaths.model("melody-lstm");
        Assumptions.assumeTrue(model.isPresent(), "shipped melody model not found");
        List<Note> seedNotes = List.of(new Note(67, 90, 0, 480), new Note(71, 90, 480, 240), new Note(74, 90, 720, 240),
                new Note(72, 90, 960, 480), new Note(71, 90, 1440, 480), new Note(69, 90, 1920, 960));
        MelodySeed seed = new MelodySeed(seedNotes, 480, TimeSignature.FOUR_FOUR);
        GenerationOptions opt = GenerationOptions.defaults().withVariations(4).withBars(8).withRngSeed(3);
        try (MelodyGenerator generator = MelodyGenerator.load(model.get())) {
            GenerationResult result = generator.generate(seed, opt);
            assertTrue(result.variations().get(0).size() >= 15 && result.variations().get(1).size() >= 15,
                    "8 bars make a passage long enough to be a copy: " + result.variations().get(0).size());
            // a corpus holding variations 1 and 2 themselves: those two are copies
            OriginalityIndex index = OriginalityIndex.of(TuneCorpus.of(List.of(
                    Melody.of("v1.mid", result.variations().get(0), 480), Melody.of("v2.mid", result.variations().get(1), 480))),
                    new Thresholds(9, 15, 205, 0.8));
            CopyAvoidance.Checked plain = CopyAvoidance.checkAndReplace(generator, seed, opt, result, index, 0, () -> false);
            assertEquals(Verdict.COPY, plain.checks().get(0).verdict());
            assertEquals("copy of v1.mid", plain.checks().get(0).badge());
            assertEquals(Verdict.COPY, plain.checks().get(1).verdict());
            assertEquals(0, plain.replaced());
            assertEquals(result.variations(), plain.result().variations());

            CopyAvoidance.Checked avoided = CopyAvoidance.checkAndReplace(generator, seed, opt, result, index, 3, () -> false);
            assertEquals(2, avoided.replaced());
            assertEquals(0, avoided.stillCopies());
            for (OriginalityResult c : avoided.checks()) {
                assertNotEquals(Verdict.COPY, c.verdict());
            }
            assertNotEquals(result.variations().get(0), avoided.result().variations().get(0));
            assertEquals(result.variations().get(2), avoided.result().variations().get(2));
            assertEquals(result.variations().get(3), avoided.result().variations().get(3));
        }
    }
}

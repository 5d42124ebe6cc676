package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/** {@code train --init}: a user's folder fine-tunes a model; bad input gives one line and writes nothing. */
class StyleTrainCommandTest {

    /** Four low bass-register tunes of 6 bars (C1..G2): outside the model's C3-C7 range. */
    private static Path lowFolder(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("my-tunes"));
        for (int f = 0; f < 4; f++) {
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                notes.add(new Note(24 + (i * (f + 3)) % 19, 90, i * 240L, 240));
            }
            new MidiFileWriter().write(Song.of(480, 120, List.of(Track.of("Bass line", 0, 33, notes))), folder.resolve("t" + f + ".mid"));
        }
        return folder;
    }

    @Test
    void distillationAndWeightAveragingCanBeSetOrTurnedOffAndABadDecayIsOneLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("distilled");
        CliRun r = CliRun.run("train", "--corpus", lowFolder(dir).toString(), "--init", TinyMelodyModel.dir().toString(), "--out", out.toString(),
                "--epochs", "1", "--keys-per-epoch", "1", "--average", "0.9");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("learnt toward the starting model's distribution (distillation)"), r.out());
        assertTrue(r.out().contains("weight averaging: a moving average of the weights (decay 0.9000 per update)"), r.out());
        assertTrue(Files.isDirectory(out));

        r = CliRun.run("train", "--corpus", lowFolder(dir.resolve("a")).toString(), "--init", TinyMelodyModel.dir().toString(),
                "--out", dir.resolve("plain").toString(), "--epochs", "1", "--keys-per-epoch", "1", "--no-distill", "--average", "0");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("rehearsal: ") && !r.out().contains("distillation") && !r.out().contains("weight averaging"), r.out());

        r = CliRun.run("train", "--corpus", lowFolder(dir.resolve("b")).toString(), "--init", TinyMelodyModel.dir().toString(),
                "--out", dir.resolve("bad").toString(), "--average", "1");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--average 1.0 is outside [0, 1)"), r.err());
        assertFalse(Files.exists(dir.resolve("bad")));
    }

    @Test
    void fineTunesFromAModelKeepingItsVocabularyAndShiftingLowTunesIntoRange(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("low-style");
        CliRun r = CliRun.run("train", "--corpus", lowFolder(dir).toString(), "--init", TinyMelodyModel.dir().toString(), "--out", out.toString(),
                "--epochs", "2", "--keys-per-epoch", "1", "--max-minutes", "2");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("files: 4 usable, 0 skipped"), r.out());
        assertTrue(r.out().contains("took t0.mid: track 1 'Bass line' (the only pitched track), 48 notes"), r.out());
        assertTrue(r.out().contains("192 moved by whole octaves into the model's range"), r.out());
        assertTrue(r.out().contains("validation: the last 15 % of the bars of each file"), r.out());
        assertTrue(r.out().contains("learnt toward the starting model's distribution (distillation)"), "distillation is the default: " + r.out());
        assertFalse(r.out().contains("weight averaging"), "no averaging by default: " + r.out());
        assertTrue(r.out().contains("batch 4 x 256 steps"), r.out());
        try (MelodyModel tuned = MelodyModel.load(out); MelodyModel tiny = MelodyModel.load(TinyMelodyModel.dir())) {
            assertEquals(tiny.config().vocabularySize(), tuned.config().vocabularySize());
            assertEquals(tiny.config().minPitch(), tuned.config().minPitch());
            assertEquals(2 * tiny.config().hidden(), tuned.config().hidden(), "--hidden is ignored: sizes come from --init, two members joined");
        }
        String card = Files.readString(out.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("train --corpus"), "the card says how to reproduce the run: " + card);

        CliRun eval = CliRun.run("evaluate", "--corpus", lowFolder(dir.resolve("again")).toString(), "--model", TinyMelodyModel.dir().toString(),
                "--model", out.toString(), "--baseline-corpus", lowFolder(dir.resolve("base")).toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("low-style"), eval.out());
        assertTrue(eval.out().contains("vs the first model"), eval.out());
        assertTrue(eval.out().contains("baselines trained on all tunes of"), eval.out());
    }

    @Test
    void aBrokenStartingModelFailsWithOneLineAndWritesNothing(@TempDir Path dir) throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken-model"));
        Files.writeString(broken.resolve("config.json"), "{\"format\": \"melodist-melody-lstm-1\", \"vocabularySize\": ");
        Path out = dir.resolve("out");
        CliRun r = CliRun.run("train", "--corpus", lowFolder(dir).toString(), "--init", broken.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("config.json") && r.err().contains("not a valid melody model config"), r.err());

        Path noParams = Files.createDirectories(dir.resolve("no-params"));
        Files.copy(TinyMelodyModel.dir().resolve("config.json"), noParams.resolve("config.json"));
        r = CliRun.run("train", "--corpus", lowFolder(dir.resolve("b")).toString(), "--init", noParams.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("parameters file is missing"), r.err());

        r = CliRun.run("train", "--corpus", lowFolder(dir.resolve("c")).toString(), "--init", dir.resolve("nowhere").toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("nowhere"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}

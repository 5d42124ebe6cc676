package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;
import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

class MelodyCommandsTest {

    private static void assertOneLineError(CliRun r, String expectedFragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expectedFragment), r.err());
    }

    @Test
    void generateRefusesBadSeedsWithOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        String out = dir.resolve("o.mid").toString();
        assertOneLineError(run("generate", "--notes", "C4 H4 E4", "--out", out), "H4");
        assertOneLineError(run("generate", "--notes", "   ", "--out", out), "empty");
        assertOneLineError(run("generate", "--notes", "R R", "--out", out), "rests");
        assertOneLineError(run("generate", "--seed-midi", dir.resolve("missing.mid").toString(), "--out", out), "missing.mid");
        Path junk = dir.resolve("junk.mid");
        Files.writeString(junk, "not a midi file at all");
        assertOneLineError(run("generate", "--seed-midi", junk.toString(), "--out", out), "junk.mid");
        Path empty = dir.resolve("empty.mid");
        new MidiFileWriter().write(Song.empty(), empty);
        assertOneLineError(run("generate", "--seed-midi", empty.toString(), "--out", out), "no notes");
        assertOneLineError(run("generate", "--notes", "C4 D4", "--key", "Q major", "--out", out), "Q");
        assertOneLineError(run("generate", "--notes", "C4 D4", "--model", dir.resolve("no-model").toString(), "--out", out), "no-model");
        assertEquals(2, run("generate", "--out", out).code(), "a seed is required");
        assertTrue(Files.notExists(Path.of(out)), "nothing written on failure");
    }

    @Test
    void generateWritesTheSeedThenOneTrackPerVariation(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.mid");
        CliRun r = run("generate", "--notes", "G4 A4 B4 D5 B4 A4 G4", "--bars", "2", "--variations", "3", "--key", "G major",
                "--rng-seed", "4", "--model", TinyMelodyModel.dir().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Song song = new MidiFileReader().read(out);
        assertEquals(4, song.tracks().size());
        List<Note> seed = song.tracks().get(0).notes();
        assertEquals(7, seed.size());
        Key g = Key.parse("G major");
        for (int v = 1; v <= 3; v++) {
            List<Note> notes = song.tracks().get(v).notes();
            assertEquals(seed.stream().map(Note::pitch).toList(), notes.subList(0, 7).stream().map(Note::pitch).toList());
            assertTrue(notes.size() > 7, "a continuation follows the seed");
            for (Note n : notes.subList(7, notes.size())) {
                assertTrue(n.start() >= 7 * 480 && g.contains(n.pitch()), n.toString());
            }
        }
        assertEquals(120.0, song.tempoMap().initialBpm(), 0.01);
        CliRun again = run("generate", "--notes", "G4 A4 B4 D5 B4 A4 G4", "--bars", "2", "--variations", "3", "--key", "G major",
                "--rng-seed", "4", "--model", TinyMelodyModel.dir().toString(), "--out", dir.resolve("again.mid").toString());
        assertEquals(0, again.code());
        assertEquals(song.tracks(), new MidiFileReader().read(dir.resolve("again.mid")).tracks(), "same rng seed, same file");
    }

    @Test
    void generateKeepsTheSeedFilesTempo(@TempDir Path dir) throws Exception {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            notes.add(new Note(62 + (i % 4) * 2, 80, i * 96L, 96));
        }
        Path seed = dir.resolve("seed.mid");
        new MidiFileWriter().write(Song.of(192, 87, List.of(Track.of("lead", 0, 73, notes))), seed);
        Path out = dir.resolve("out.mid");
        CliRun r = run("generate", "--seed-midi", seed.toString(), "--track", "1", "--variations", "1", "--bars", "1",
                "--model", TinyMelodyModel.dir().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Song song = new MidiFileReader().read(out);
        assertEquals(87.0, song.tempoMap().initialBpm(), 0.01);
        assertEquals(192, song.ppq());
        assertEquals(2, song.tracks().size());
        assertOneLineError(run("generate", "--seed-midi", seed.toString(), "--track", "3", "--model",
                TinyMelodyModel.dir().toString(), "--out", out.toString()), "track 3");
    }

    @Test
    void trainEvaluateAndBenchOnAFewNottinghamTunes(@TempDir Path dir) throws Exception {
        Optional<Path> data = SharedData.data("nottingham/melody");
        if (data.isEmpty()) {
            System.out.println(SharedData.missingReason("nottingham/melody"));
        }
        Assumptions.assumeTrue(data.isPresent(), SharedData.missingReason("nottingham/melody"));
        Path corpus = Files.createDirectories(dir.resolve("tunes"));
        int train = 0;
        int val = 0;
        for (Path f : MelodyCorpus.midiFiles(data.get())) {
            boolean isVal = MelodyCorpus.isValidation(f.getFileName().toString());
            if (isVal ? val < 2 : train < 6) {
                Files.copy(f, corpus.resolve(f.getFileName()));
                if (isVal) val++; else train++;
            }
        }
        Path model = dir.resolve("model");
        CliRun t = run("train", "--corpus", corpus.toString(), "--out", model.toString(), "--epochs", "1", "--hidden", "8",
                "--batch", "8", "--window", "32");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("grid losses over"), t.out());
        assertTrue(t.out().contains("epoch 1: train NLL"), t.out());
        assertTrue(Files.isRegularFile(model.resolve("config.json")) && Files.isRegularFile(model.resolve("melody-lstm.params")));

        CliRun e = run("evaluate", "--corpus", corpus.toString(), "--model", model.toString(), "--baseline-corpus",
                corpus.toString(), "--json");
        assertEquals(0, e.code(), e.err());
        JsonNode j = new ObjectMapper().readTree(e.out());
        assertEquals(8, j.get("tunes").asInt());
        assertTrue(j.get("steps").asLong() > 1000);
        for (JsonNode score : List.of(j, j.get("baselines").get("bigram"), j.get("baselines").get("4gram"))) {
            double nll = score.get("nll").asDouble();
            double acc = score.get("accuracy").asDouble();
            assertTrue(nll > 0 && nll < 10, e.out());
            assertTrue(acc > 0 && acc <= 1, e.out());
        }
        CliRun v = run("evaluate", "--corpus", corpus.toString(), "--model", model.toString(), "--baseline-corpus",
                corpus.toString(), "--tunes", "validation", "--json");
        assertEquals(2, new ObjectMapper().readTree(v.out()).get("tunes").asInt());
        assertOneLineError(run("evaluate", "--corpus", corpus.toString(), "--model", model.toString(), "--tunes", "some"), "--tunes");

        CliRun b = run("bench-generate", "--model", model.toString(), "--repeats", "1", "--train-steps", "1");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("speed-up of stateful stepping"), b.out());
        assertTrue(b.out().contains("training step"), b.out());
    }

    @Test
    void trainOnAFolderWithoutMidiIsOneLine(@TempDir Path dir) {
        assertOneLineError(run("train", "--corpus", dir.toString(), "--out", dir.resolve("m").toString()), "no .mid files");
    }
}

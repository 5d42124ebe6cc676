package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;
import org.melodist.generate.MelodyCorpus;
import org.melodist.harmony.Chord;
import org.melodist.harmony.HarmonyCorpus;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

class HarmonyCommandsTest {

    private static final Path DEMO = Path.of("assets/demo/demo-jig.mid");
    private static final Set<String> QUALITIES = Set.of("maj", "min", "dim", "aug", "7", "maj7", "m7", "sus2", "sus4", "6", "m6");

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private static void assertOneLineError(CliRun r, String expectedFragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expectedFragment), r.err());
    }

    @Test
    void harmonizeJsonHasExactlyTheContractedShape() throws Exception {
        CliRun r = run("harmonize", DEMO.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("key", "ppq", "chords"), fieldNames(root));
        Song song = new MidiFileReader().read(DEMO);
        assertEquals(song.key().toString(), root.get("key").asText());
        assertEquals(song.ppq(), root.get("ppq").asInt());
        assertTrue(root.get("chords").size() >= 4, r.out());
        double lastEnd = 0;
        for (JsonNode c : root.get("chords")) {
            assertEquals(List.of("startBeat", "endBeat", "startTick", "endTick", "symbol", "root", "quality"), fieldNames(c));
            assertTrue(c.get("startBeat").isDouble() && c.get("endBeat").isDouble(), "beats are numbers with a fraction: " + c);
            assertTrue(c.get("startBeat").asDouble() >= lastEnd && c.get("endBeat").asDouble() > c.get("startBeat").asDouble());
            assertEquals(Math.round(c.get("startBeat").asDouble() * song.ppq()), c.get("startTick").asLong());
            assertEquals(Math.round(c.get("endBeat").asDouble() * song.ppq()), c.get("endTick").asLong());
            int root0 = c.get("root").asInt();
            assertTrue(root0 >= 0 && root0 <= 11);
            assertTrue(QUALITIES.contains(c.get("quality").asText()), c.toString());
            Chord parsed = Chord.parse(c.get("symbol").asText());
            assertEquals(root0, parsed.root(), c.toString());
            assertEquals(c.get("quality").asText(), parsed.quality().jsonName());
            lastEnd = c.get("endBeat").asDouble();
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void harmonizeOutWritesTheSongWithAChordTrackAndSymbolMarkers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("with-chords.mid");
        CliRun r = run("harmonize", DEMO.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("bar   1 |"), r.out());
        Song in = new MidiFileReader().read(DEMO);
        Song song = new MidiFileReader().read(out);
        assertEquals(in.tracks().size() + 1, song.tracks().size());
        assertEquals(in.tracks().get(0).notes(), song.tracks().get(0).notes(), "the melody is kept as it was");
        Track chords = song.tracks().get(song.tracks().size() - 1);
        assertEquals("Chords", chords.name());
        assertTrue(chords.notes().size() >= 12, "block chords of three or more notes");
        assertTrue(chords.channel() != in.tracks().get(0).channel() && chords.channel() != 9);
        Sequence seq = MidiSystem.getSequence(out.toFile());
        List<String> markers = new ArrayList<>();
        javax.sound.midi.Track conductor = seq.getTracks()[0];
        for (int i = 0; i < conductor.size(); i++) {
            MidiEvent e = conductor.get(i);
            if (e.getMessage() instanceof MetaMessage m && m.getType() == 0x06) {
                markers.add(new String(m.getData(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(markers.size() >= 4, "one marker per chord: " + markers);
        assertEquals("D", markers.get(0));
        for (String s : markers) Chord.parse(s);
    }

    @Test
    void harmonizeReadsThePolyphonicTrackItIsGivenByItsTopLine(@TempDir Path dir) throws Exception {
        Song in = new MidiFileReader().read(DEMO);
        List<Note> thick = new ArrayList<>(in.tracks().get(0).notes());
        for (Note n : in.tracks().get(0).notes()) thick.add(n.withPitch(n.pitch() - 12));
        Path f = dir.resolve("octaves.mid");
        new MidiFileWriter().write(in.withTracks(List.of(Track.of("Empty", 1, 0, List.of()), in.tracks().get(0).withNotes(thick))), f);
        CliRun r = run("harmonize", f.toString(), "--track", "2", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(new ObjectMapper().readTree(run("harmonize", DEMO.toString(), "--json").out()), new ObjectMapper().readTree(r.out()),
                "octave doubling below the tune changes nothing");
        assertOneLineError(run("harmonize", f.toString(), "--track", "1"), "no notes");
    }

    @Test
    void badInputGetsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.mid");
        Files.writeString(junk, "not a midi file at all");
        assertOneLineError(run("harmonize", junk.toString()), "junk.mid");
        assertOneLineError(run("harmonize", dir.resolve("missing.mid").toString()), "missing.mid");
        Path empty = dir.resolve("empty.mid");
        new MidiFileWriter().write(Song.empty(), empty);
        assertOneLineError(run("harmonize", empty.toString()), "no notes");
        assertOneLineError(run("harmonize", DEMO.toString(), "--track", "7"), "no track 7");
        assertOneLineError(run("harmonize", DEMO.toString(), "--track", "0"), "from 1");
        assertOneLineError(run("harmonize", DEMO.toString(), "--model", dir.resolve("no-model").toString()), "no-model");
        assertEquals(2, run("harmonize").code(), "a file is required");
        Path out = dir.resolve("never.mid");
        run("harmonize", junk.toString(), "--out", out.toString());
        assertTrue(Files.notExists(out), "nothing written on failure");
    }

    @Test
    void evaluateHarmonyPrintsModelHmmAndHumanFigures(@TempDir Path dir) throws Exception {
        var full = SharedData.data("nottingham/full");
        Assumptions.assumeTrue(full.isPresent(), SharedData.missingReason("nottingham/full"));
        // a small corpus with tunes of each split, to keep the test quick
        int train = 0;
        int dev = 0;
        int val = 0;
        for (Path f : MelodyCorpus.midiFiles(full.get())) {
            String name = f.getFileName().toString();
            boolean v = MelodyCorpus.isValidation(name);
            boolean d = !v && HarmonyCorpus.isDev(name);
            if (v && val < 6 || d && dev < 4 || !v && !d && train < 30) {
                Files.copy(f, dir.resolve(name));
                if (v) val++; else if (d) dev++; else train++;
            }
        }
        CliRun r = run("evaluate-harmony", "--corpus", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(6, root.get("tunes").asInt());
        for (String side : new String[] {"model", "hmm"}) {
            JsonNode s = root.get(side);
            for (String k : new String[] {"majminAccuracy", "majminTop3", "chordEntropy", "chordCoverage", "ctnctr", "pcs", "mctd"}) {
                assertTrue(s.get(k).isNumber(), side + "." + k + " in " + r.out());
            }
            assertTrue(s.get("majminAccuracy").asDouble() > 0.3 && s.get("majminAccuracy").asDouble() <= s.get("majminTop3").asDouble(), r.out());
        }
        assertTrue(root.get("human").get("chordEntropy").asDouble() > 0.5, r.out());
        CliRun text = run("evaluate-harmony", "--corpus", dir.toString());
        assertTrue(text.out().contains("BiLSTM") && text.out().contains("HMM") && text.out().contains("human"), text.out());
        assertOneLineError(run("evaluate-harmony", "--corpus", dir.resolve("nothing").toString()), "nothing");
    }

    @Test
    void evaluateFollowChordsPrintsTheChordToneSharesWithAndWithoutFollowing(@TempDir Path dir) throws Exception {
        var full = SharedData.data("nottingham/full");
        Assumptions.assumeTrue(full.isPresent(), SharedData.missingReason("nottingham/full"));
        Assumptions.assumeTrue(org.melodist.generate.MelodyModels.isModelDir(org.melodist.generate.MelodyModels.shippedLocation()),
                "the shipped melody model is not in models/melody-lstm");
        int val = 0;
        for (Path f : MelodyCorpus.midiFiles(full.get())) {
            if (MelodyCorpus.isValidation(f.getFileName().toString()) && val++ < 5) Files.copy(f, dir.resolve(f.getFileName()));
        }
        CliRun r = run("evaluate-follow-chords", "--corpus", dir.toString(), "--tunes", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("tunes", "variationsPerTune", "strongBeatChordToneShare", "strongBeatNotes", "nllPerStep"), fieldNames(root));
        assertEquals(3, root.get("tunes").asInt());
        JsonNode share = root.get("strongBeatChordToneShare");
        assertEquals(1.0, share.get("follow").asDouble(), 1e-9, "following: every strong-beat note is a chord tone: " + r.out());
        assertTrue(share.get("free").asDouble() < 1.0 && share.get("human").asDouble() > 0.3, r.out());
        assertTrue(root.get("nllPerStep").get("follow").asDouble() > 0, r.out());
        assertOneLineError(run("evaluate-follow-chords", "--corpus", dir.toString(), "--bars", "0"), "--bars");
    }

    @Test
    void benchHarmonyPrintsItsFigures() {
        CliRun r = run("bench-harmony", "--runs", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("harmonise 32 bars: median"), r.out());
        assertTrue(r.out().contains("alternatives (top 5 of one chord)"), r.out());
    }
}

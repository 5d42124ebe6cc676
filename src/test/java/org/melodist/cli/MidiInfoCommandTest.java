package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

class MidiInfoCommandTest {

    @Test
    void helpListsTheCommands() {
        CliRun r = run("--help");
        assertEquals(0, r.code());
        for (String command : MelodistCli.commandLine().getSubcommands().keySet()) {
            assertTrue(r.out().contains("  " + command + " "), command + " in " + r.out());
        }
        CliRun viaHelp = run("help", "analyze");
        assertEquals(0, viaHelp.code());
        assertTrue(viaHelp.out().startsWith("Usage: melodist analyze "), viaHelp.out());
    }

    /** A run that names its command builds that command alone (picocli reads every registered one by reflection). */
    @Test
    void aCommandRunsWithItsOwnUsageAndErrorsWhenItIsTheOnlyOneBuilt() {
        assertEquals(java.util.Set.of("help", "analyze"), MelodistCli.commandLineFor("analyze", "x.wav").getSubcommands().keySet());
        assertTrue(MelodistCli.commandLineFor("--help").getSubcommands().size() > 20);
        assertTrue(MelodistCli.commandLineFor("analyse").getSubcommands().size() > 20, "a misspelt one gets them all");
        CliRun r = run("analyze", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: melodist analyze "), r.out());
        CliRun bad = run("analyze", "--bogus", "x.wav");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("--bogus") && bad.err().contains("melodist analyze --help lists its options"),
                bad.err());
    }

    @Test
    void unknownCommandsAndBadArgumentsExitWithTwoAndOneLine() {
        CliRun r = run("frobnicate");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("frobnicate") && r.err().contains("melodist --help lists the commands"), r.err());
        assertEquals(2, run("midi-info").code());
        assertEquals(2, run("midi-info", "a.mid", "--bogus").code());
    }

    @Test
    void unreadableFileIsOneLineWithExitTwo(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.mid");
        Files.writeString(junk, "definitely not midi");
        CliRun r = run("midi-info", junk.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("junk.mid"), r.err());
    }

    @Test
    void jsonHasTheDocumentedShape(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.mid");
        new MidiFileWriter().write(Song.of(480, 120, List.of(new Track("Lead", 2, 5,
                List.of(new Note(60, 100, 0, 480), new Note(62, 90, 480, 240))))), file);
        CliRun r = run("midi-info", file.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(480, root.get("ppq").asInt());
        assertEquals(120.0, root.get("tempos").get(0).get("bpm").asDouble(), 1e-9);
        assertEquals("4/4", root.get("timeSignature").asText());
        assertTrue(root.get("key").isNull());
        JsonNode track = root.get("tracks").get(0);
        assertEquals("Lead", track.get("name").asText());
        assertEquals(2, track.get("channel").asInt());
        assertEquals(5, track.get("program").asInt());
        JsonNode second = track.get("notes").get(1);
        assertEquals(62, second.get("pitch").asInt());
        assertEquals(0.5, second.get("startSec").asDouble(), 1e-9);
        assertEquals(0.75, second.get("endSec").asDouble(), 1e-9);
    }

    @Test
    void jsonAgreesWithTheImporterOnNottinghamFiles() throws Exception {
        Optional<Path> dir = SharedData.data("nottingham/full");
        if (dir.isEmpty()) System.out.println(SharedData.missingReason("nottingham/full"));
        Assumptions.assumeTrue(dir.isPresent(), SharedData.missingReason("nottingham/full"));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.get())) {
            files = s.filter(p -> p.toString().endsWith(".mid")).sorted().limit(25).toList();
        }
        ObjectMapper mapper = new ObjectMapper();
        for (Path f : files) {
            CliRun r = run("midi-info", f.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode root = mapper.readTree(r.out());
            Song song = new MidiFileReader().read(f);
            assertEquals(song.ppq(), root.get("ppq").asInt());
            assertEquals(song.tracks().size(), root.get("tracks").size());
            for (int t = 0; t < song.tracks().size(); t++) {
                JsonNode notes = root.get("tracks").get(t).get("notes");
                List<Note> expected = song.tracks().get(t).notes();
                assertEquals(expected.size(), notes.size());
                for (int i = 0; i < expected.size(); i++) {
                    JsonNode n = notes.get(i);
                    assertEquals(expected.get(i), new Note(n.get("pitch").asInt(), n.get("velocity").asInt(),
                            n.get("start").asLong(), n.get("duration").asLong()), f.getFileName().toString());
                }
            }
        }
    }
}

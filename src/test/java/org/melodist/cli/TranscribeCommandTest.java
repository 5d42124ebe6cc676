package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.melodist.midi.MidiFileReader;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.transcribe.SyntheticSinger;

/**
 * {@code transcribe} on every supported format. WAV, AIFF and AU are written here from a synthetic melody; MP3,
 * OGG Vorbis and FLAC are the same melody (C4 D4 E4 G4 E4 C4, 0.35 s notes from 0.3 s) encoded once with sox
 * and kept as test resources, since no encoder runs in the tests.
 */
class TranscribeCommandTest {

    private static final int[] MELODY = {60, 62, 64, 67, 64, 60};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MelodistCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path melody(String ext) throws Exception {
        Path file = dir.resolve("melody." + ext);
        switch (ext) {
            case "mp3", "ogg", "flac" -> {
                try (InputStream in = getClass().getResourceAsStream("/org/melodist/transcribe/melody." + ext)) {
                    Files.copy(in, file);
                }
            }
            default -> {
                float[] x = SyntheticSinger.sing(SyntheticSinger.line(0.3, 0.35, 0.05, 60, 62, 64, 67, 64, 60),
                        SyntheticSinger.Style.PLAIN, 44_100, 3.0, 1);
                byte[] pcm = new byte[x.length * 2];
                boolean bigEndian = !ext.equals("wav");
                for (int i = 0; i < x.length; i++) {
                    int v = Math.round(x[i] * 32767);
                    pcm[2 * i + (bigEndian ? 1 : 0)] = (byte) v;
                    pcm[2 * i + (bigEndian ? 0 : 1)] = (byte) (v >> 8);
                }
                AudioFormat f = new AudioFormat(44_100, 16, 1, true, bigEndian);
                AudioFileFormat.Type type = switch (ext) {
                    case "wav" -> AudioFileFormat.Type.WAVE;
                    case "aiff" -> AudioFileFormat.Type.AIFF;
                    default -> AudioFileFormat.Type.AU;
                };
                try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), f, x.length)) {
                    AudioSystem.write(in, type, file.toFile());
                }
            }
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "aiff", "au", "flac", "mp3", "ogg"})
    void everyFormatGivesTheMelodyAsJsonAndMidi(String ext) throws Exception {
        Path in = melody(ext);
        Path out = dir.resolve("out.mid");
        Run r = run("transcribe", in.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(List.of("notes", "tempoBpm", "tuningCents"), fieldNames(root));
        JsonNode notes = root.get("notes");
        assertEquals(MELODY.length, notes.size(), r.out());
        for (int i = 0; i < MELODY.length; i++) {
            JsonNode n = notes.get(i);
            assertEquals(List.of("pitch", "startSec", "endSec", "cents", "confidence"), fieldNames(n));
            assertEquals(MELODY[i], n.get("pitch").asInt(), "note " + i + " of " + ext);
            // mp3 adds its encoder delay (about 25 ms at the start)
            assertEquals(0.3 + 0.4 * i, n.get("startSec").asDouble(), 0.05, "onset of note " + i + " of " + ext);
            assertEquals(0, n.get("cents").asDouble(), 15);
            assertTrue(n.get("confidence").asDouble() > 0.5);
        }
        assertEquals(0, root.get("tuningCents").asDouble(), 5);
        Song song = new MidiFileReader().read(out);
        List<Integer> pitches = new ArrayList<>();
        for (Note n : song.tracks().get(0).notes()) {
            pitches.add(n.pitch());
        }
        assertEquals(List.of(60, 62, 64, 67, 64, 60), pitches);
    }

    @Test
    void aGivenTempoPutsTheMidiNotesOnItsSixteenthGrid() throws Exception {
        Path out = dir.resolve("grid.mid");
        Run r = run("transcribe", melody("wav").toString(), "--out", out.toString(), "--tempo", "150");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("150.0 BPM (given"), r.out());
        Song song = new MidiFileReader().read(out);
        assertEquals(150, song.tempoMap().initialBpm(), 1e-6);
        long sixteenth = song.ppq() / 4;
        List<Note> notes = song.tracks().get(0).notes();
        assertEquals(MELODY.length, notes.size());
        for (int i = 0; i < notes.size(); i++) {
            assertEquals(0, notes.get(i).start() % sixteenth, "on the grid: " + notes.get(i));
            // at 150 BPM the notes are 0.4 s = one quarter apart
            if (i > 0) {
                assertEquals(song.ppq(), notes.get(i).start() - notes.get(i - 1).start(), "a quarter apart: " + notes);
            }
        }
    }

    @Test
    void silenceWritesNoNotesAndSaysWhy() throws Exception {
        Path in = dir.resolve("silence.wav");
        SyntheticSinger.writeWav(in, new float[44_100 * 2], 44_100);
        Path out = dir.resolve("silence.mid");
        Run text = run("transcribe", in.toString(), "--out", out.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("no notes") && text.out().contains("silent"), text.out());
        Run json = run("transcribe", in.toString(), "--out", out.toString(), "--json");
        assertEquals(0, json.code());
        assertEquals(0, JSON.readTree(json.out()).get("notes").size());
        assertTrue(json.err().contains("silent"), json.err());
        assertTrue(new MidiFileReader().read(out).tracks().get(0).notes().isEmpty());
    }

    @Test
    void aBadFileIsOneLineAndExitTwo() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.wav"), "this is not audio at all");
        Path out = dir.resolve("x.mid");
        Run r = run("transcribe", junk.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("melodist transcribe: "), r.err());
        assertFalse(Files.exists(out));
        Run tempo = run("transcribe", melody("wav").toString(), "--out", out.toString(), "--tempo", "0");
        assertEquals(2, tempo.code());
        assertEquals(1, tempo.err().lines().count(), tempo.err());
        Run missing = run("transcribe", dir.resolve("nope.wav").toString(), "--out", out.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

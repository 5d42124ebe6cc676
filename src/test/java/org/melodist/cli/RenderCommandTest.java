package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.TestSoundbanks;

class RenderCommandTest {

    @TempDir
    static Path dir;
    static Path bank;
    static Path midi;

    @BeforeAll
    static void files() throws Exception {
        bank = TestSoundbanks.writeSineBank(dir);
        midi = dir.resolve("two.mid");
        new MidiFileWriter().write(Song.of(480, 120, List.of(new Track("Lead", 0, 0,
                List.of(new Note(69, 100, 0, 480), new Note(72, 100, 480, 480))))), midi);
    }

    @Test
    void rendersAMidiFileToWavAtTheRequestedRate() throws Exception {
        Path out = dir.resolve("out.wav");
        CliRun r = run("render", midi.toString(), "--out", out.toString(), "--soundfont", bank.toString(),
                "--sample-rate", "22050", "--tail", "0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("x real time"), r.out());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(out.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(22_050f, f.getSampleRate());
            assertEquals(16, f.getSampleSizeInBits());
            assertEquals(2, f.getChannels());
            // two beats at 120 BPM to the end of the last note, then the tail
            assertEquals(Math.ceil(1.5 * 22_050), in.getFrameLength(), 1.0);
            byte[] pcm = in.readAllBytes();
            int peak = 0;
            for (int i = 0; i + 1 < pcm.length; i += 2) {
                peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
            }
            assertTrue(peak > 3000, "audible, peak " + peak);
        }
    }

    @Test
    void badInputIsOneLineWithExitTwoAndNoFileWritten() throws Exception {
        Path out = dir.resolve("never.wav");
        Path junk = dir.resolve("junk.mid");
        Files.writeString(junk, "not a midi file at all");
        Path sf3 = dir.resolve("bank.sf3");
        Files.copy(bank, sf3);
        List<List<String>> cases = List.of(
                List.of("render", junk.toString(), "--out", out.toString(), "--soundfont", bank.toString()),
                List.of("render", dir.resolve("missing.mid").toString(), "--out", out.toString()),
                List.of("render", midi.toString(), "--out", out.toString(), "--soundfont", sf3.toString()),
                List.of("render", midi.toString(), "--out", out.toString(), "--soundfont", junk.toString()),
                List.of("render", midi.toString(), "--out", dir.resolve("no/such/dir/x.wav").toString(),
                        "--soundfont", bank.toString()),
                List.of("render", midi.toString(), "--out", out.toString(), "--sample-rate", "100"));
        for (List<String> args : cases) {
            CliRun r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), args + " -> " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(run("render", midi.toString(), "--out", out.toString(), "--soundfont", sf3.toString())
                .err().contains("SF3"));
        assertFalse(Files.exists(out));
        assertEquals(2, run("render", midi.toString()).code(), "--out is required");
    }
}

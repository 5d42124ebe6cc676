package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoMap;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

class MelodyCorpusTest {

    private final MelodyEncoding enc = MelodyEncoding.DEFAULT;

    @Test
    void splitIsAFixedFunctionOfTheFileName() {
        // pinned values: changing the hash would silently move tunes between train and validation
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            names.add("jigs" + i + ".mid");
        }
        long val = names.stream().filter(MelodyCorpus::isValidation).count();
        assertTrue(val >= 10 && val <= 30, "about a tenth in validation, got " + val);
        for (String n : names) {
            assertEquals(MelodyCorpus.isValidation(n), MelodyCorpus.isValidation(new String(n.toCharArray())));
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("reels_simple_chords_1.mid".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(crc.getValue() % 10 == 0, MelodyCorpus.isValidation("reels_simple_chords_1.mid"));
    }

    @Test
    void loadsAFolderSkipsBrokenFilesAndCountsGridLosses(@TempDir Path dir) throws IOException {
        List<Note> straight = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            straight.add(new Note(60 + i % 5, 90, i * 240L, 240));
        }
        List<Note> triplets = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            triplets.add(new Note(62 + i % 3, 90, i * 160L, 160)); // eighth-note triplets
        }
        write(dir.resolve("a.mid"), new Song(480, TempoMap.constant(100), new TimeSignature(6, 8), null,
                List.of(Track.of("m", 0, 0, straight)), Map.of()));
        write(dir.resolve("b.mid"), Song.of(480, 120, List.of(Track.of("m", 0, 0, triplets))));
        Files.write(dir.resolve("broken.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0});
        Files.writeString(dir.resolve("notes.txt"), "not midi");
        List<String> log = new ArrayList<>();
        MelodyCorpus corpus = MelodyCorpus.load(dir, enc, log::add);
        assertEquals(2, corpus.train().size() + corpus.validation().size());
        assertEquals(1, corpus.skipped().size());
        assertTrue(corpus.skipped().get(0).startsWith("broken.mid"), corpus.skipped().toString());
        assertEquals(40, corpus.losses().notes());
        assertEquals(16, corpus.losses().offGridOnsets(), "2 of every 3 eighth triplets miss the 16th grid");
        assertEquals(16, corpus.losses().tripletOnsets());
        EncodedTune a = (corpus.train().stream().anyMatch(t -> t.name().equals("a.mid")) ? corpus.train() : corpus.validation())
                .stream().filter(t -> t.name().equals("a.mid")).findFirst().orElseThrow();
        assertEquals(12, a.stepsPerBar());
        assertEquals(32, a.length());
    }

    @Test
    void emptyFolderIsAnError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> MelodyCorpus.load(dir, enc, s -> { }));
        assertTrue(e.getMessage().contains("no .mid files"), e.getMessage());
    }

    @Test
    void polyphonyGivesItsTopLineAndMonophonicTracksWin() {
        List<Note> chords = List.of(new Note(60, 90, 0, 480), new Note(64, 90, 0, 480), new Note(67, 90, 0, 960),
                new Note(72, 90, 480, 480), new Note(55, 90, 960, 480));
        List<Note> top = MelodyLines.skyline(chords);
        assertEquals(List.of(67, 72, 55), top.stream().map(Note::pitch).toList());
        assertEquals(480, top.get(0).duration(), "a higher note cuts the one below");
        Song song = Song.of(480, 120, List.of(Track.of("chords", 0, 0, chords),
                Track.of("tune", 1, 0, List.of(new Note(70, 90, 0, 240)))));
        assertEquals(70, MelodyLines.melodyOf(song).orElseThrow().get(0).pitch());
        Song drums = Song.of(480, 120, List.of(Track.of("drums", 9, 0, List.of(new Note(36, 90, 0, 240)))));
        assertFalse(MelodyLines.melodyOf(drums).isPresent());
    }

    @Test
    void nottinghamSplitAndLossesAreStable() throws IOException {
        Optional<Path> data = SharedData.data("nottingham/melody");
        if (data.isEmpty()) {
            System.out.println(SharedData.missingReason("nottingham/melody"));
        }
        Assumptions.assumeTrue(data.isPresent(), SharedData.missingReason("nottingham/melody"));
        List<Path> files = MelodyCorpus.midiFiles(data.get());
        long val = files.stream().filter(f -> MelodyCorpus.isValidation(f.getFileName().toString())).count();
        assertEquals(92, val, "the fixed split of the 934 Nottingham tunes");
    }

    private static void write(Path file, Song song) throws IOException {
        new MidiFileWriter().write(song, file);
    }
}

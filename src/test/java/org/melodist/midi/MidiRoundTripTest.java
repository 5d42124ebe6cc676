package org.melodist.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.midi.SongAssertions.assertSameMusic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.TempoMap;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

class MidiRoundTripTest {

    private final MidiFileReader reader = new MidiFileReader();
    private final MidiFileWriter writer = new MidiFileWriter();

    @Test
    void everyNottinghamFileSurvivesImportExportImport() throws Exception {
        Optional<Path> dir = SharedData.data("nottingham/full");
        if (dir.isEmpty()) {
            System.out.println(SharedData.missingReason("nottingham/full"));
        }
        Assumptions.assumeTrue(dir.isPresent(), SharedData.missingReason("nottingham/full"));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.get())) {
            files = s.filter(p -> p.toString().endsWith(".mid")).sorted().toList();
        }
        assertTrue(files.size() > 900, "expected the 934 Nottingham tunes, found " + files.size());
        long notes = 0;
        for (Path f : files) {
            Song first = reader.read(f);
            Song second = reader.read(writer.toBytes(first));
            assertSameMusic(first, second, f.getFileName().toString());
            notes += first.tracks().stream().mapToInt(t -> t.notes().size()).sum();
        }
        System.out.println("round trip: " + files.size() + " Nottingham files, " + notes + " notes identical");
    }

    @Test
    void everythingTheModelHoldsSurvivesAFileOnDisk(@TempDir Path dir) throws Exception {
        Song song = new Song(960,
                TempoMap.of(List.of(new TempoChange(0, 96.5), new TempoChange(3840, 140))),
                new TimeSignature(7, 8), Key.parse("F# minor"),
                List.of(new Track("Lead", 0, 73, List.of(new Note(72, 100, 0, 240), new Note(72, 90, 120, 480),
                                new Note(74, 1, 960, 0), new Note(127, 127, 5000, 10))),
                        new Track("Bass", 1, 33, List.of(new Note(36, 80, 0, 1920))),
                        new Track("Empty part", 2, 0, List.of())),
                Map.of("loop.start", "0", "loop.end", "3840", "grid", "1/16", "title", "Für Elise – ünïcode"));
        Path file = dir.resolve("song.mid");
        writer.write(song, file);
        Song back = reader.read(file);
        assertSameMusic(song, back, "synthetic song");
        assertEquals(song.properties(), back.properties());
        assertEquals(List.of("Lead", "Bass", "Empty part"), back.tracks().stream().map(Track::name).toList());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary file is left beside the saved song");
        }
    }

    @Test
    void javaSoundReadsWhatWeWrite(@TempDir Path dir) throws IOException, Exception {
        // any other MIDI tool must open our files: the JDK's own parser is a second opinion
        Song song = Song.of(480, 120, List.of(new Track("Lead", 0, 0, List.of(new Note(60, 100, 0, 480)))))
                .withProperty("loop.end", "1920");
        Path file = dir.resolve("a.mid");
        writer.write(song, file);
        javax.sound.midi.Sequence seq = javax.sound.midi.MidiSystem.getSequence(file.toFile());
        assertEquals(2, seq.getTracks().length);
        assertEquals(480, seq.getResolution());
        assertEquals(1, javax.sound.midi.MidiSystem.getMidiFileFormat(file.toFile()).getType());
    }
}

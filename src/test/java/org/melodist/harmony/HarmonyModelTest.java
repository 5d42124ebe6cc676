package org.melodist.harmony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.midi.MidiFileReader;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;

/** The shipped harmony model: deterministic, key-equivariant, and loud about broken model folders. */
class HarmonyModelTest {

    private static HarmonyModel model;
    private static Song demo;

    @BeforeAll
    static void load() throws Exception {
        model = HarmonyModel.load(HarmonyModels.resolve(null));
        demo = new MidiFileReader().read(Path.of("assets/demo/demo-jig.mid"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theSameMelodyGetsTheSameChordsOnAnyThread() throws Exception {
        BeatGrid grid = SongHarmony.grid(demo, -1);
        Harmonization a = new NeuralHarmonizer(model).harmonize(grid);
        Harmonization b = new NeuralHarmonizer(model).harmonize(grid);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Harmonization c;
        try {
            c = pool.submit(() -> new NeuralHarmonizer(model).harmonize(grid)).get();
        } finally {
            pool.shutdown();
        }
        assertArrayEquals(a.beatChordIndices(), b.beatChordIndices());
        assertArrayEquals(a.beatChordIndices(), c.beatChordIndices());
        for (int beat = 0; beat < grid.beats(); beat++) {
            for (int k = 0; k < Chord.VOCABULARY; k++) {
                assertEquals(a.logProbability(beat, k), c.logProbability(beat, k), 0f, "beat " + beat);
            }
        }
        assertTrue(a.chordSpans().size() >= 4, "a tune of eight bars gets several chords: " + a.spans());
        assertEquals(Chord.parse("D"), a.chordSpans().get(0).chord(), "the demo jig in D starts on D");
    }

    @Test
    void aTransposedMelodyGetsTransposedChords() {
        int shift = 3;
        List<Note> up = new ArrayList<>();
        for (Note n : demo.tracks().get(0).notes()) up.add(n.withPitch(n.pitch() + shift));
        Song moved = demo.withTrack(0, demo.tracks().get(0).withNotes(up))
                .withKey(new Key(Math.floorMod(demo.key().tonic() + shift, 12), demo.key().mode()));
        Harmonization a = new NeuralHarmonizer(model).harmonize(SongHarmony.grid(demo, 0));
        Harmonization b = new NeuralHarmonizer(model).harmonize(SongHarmony.grid(moved, 0));
        for (int beat = 0; beat < a.grid().beats(); beat++) {
            assertEquals(a.chordAt(beat).transpose(shift), b.chordAt(beat), "beat " + beat);
        }
    }

    @Test
    void alternativesRankTheChosenChordFirstWithProbabilities() {
        Harmonization h = new NeuralHarmonizer(model).harmonize(SongHarmony.grid(demo, -1));
        int span = h.spans().indexOf(h.chordSpans().get(0));
        List<Harmonization.Alternative> alt = h.alternatives(span, 5);
        assertEquals(5, alt.size());
        double sum = 0;
        for (int i = 0; i < alt.size(); i++) {
            sum += alt.get(i).probability();
            if (i > 0) assertTrue(alt.get(i).probability() <= alt.get(i - 1).probability());
        }
        assertTrue(sum <= 1 + 1e-9 && sum > 0.5, "top five hold most of the mass: " + alt);
        assertEquals(h.chordSpans().get(0).chord(), alt.get(0).chord(), "the decoded chord is the likeliest here: " + alt);
    }

    @Test
    void savedWeightsLoadBackAndBrokenFoldersSayWhichFile(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("m");
        model.save(copy, model.config());
        BeatGrid grid = SongHarmony.grid(demo, -1);
        try (HarmonyModel again = HarmonyModel.load(copy)) {
            assertArrayEquals(new NeuralHarmonizer(model).harmonize(grid).beatChordIndices(),
                    new NeuralHarmonizer(again).harmonize(grid).beatChordIndices());
        }
        IOException missing = assertThrows(IOException.class, () -> HarmonyModel.load(dir.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
        Files.write(copy.resolve("harmony.params"), new byte[] {1, 2, 3});
        IOException corrupt = assertThrows(IOException.class, () -> HarmonyModel.load(copy));
        assertTrue(corrupt.getMessage().contains("harmony.params"), corrupt.getMessage());
        Files.writeString(copy.resolve("transitions.json"), "[1, 2");
        IOException table = assertThrows(IOException.class, () -> HarmonyModel.load(copy));
        assertTrue(table.getMessage().contains("transitions.json"), table.getMessage());
    }

    @Test
    void theHmmBaselineLearnsFromLabelledTunes() {
        // a toy corpus: a tonic melody over C, a dominant one over G7, alternating by bar
        List<LabelledTune> tunes = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<Note> melody = new ArrayList<>();
            int[] labels = new int[32];
            for (int bar = 0; bar < 8; bar++) {
                boolean tonic = bar % 2 == 0;
                int[] line = tonic ? new int[] {60, 64, 67, 64} : new int[] {67, 71, 74, 65};
                for (int i = 0; i < 4; i++) {
                    melody.add(new Note(line[i], 80, (bar * 4L + i) * 480, 480));
                    labels[bar * 4 + i] = (tonic ? Chord.parse("C") : Chord.parse("G7")).index();
                }
            }
            tunes.add(new LabelledTune("toy" + t, BeatGrid.of(melody, 480, org.melodist.song.TimeSignature.FOUR_FOUR,
                    Key.parse("C major")), labels));
        }
        HarmonyEvaluation e = HarmonyEvaluation.of(HmmHarmonizer.train(tunes), tunes);
        assertEquals(1.0, e.majminAccuracy(), 1e-9);
        assertEquals(1.0, e.fullAccuracy(), 1e-9);
    }
}

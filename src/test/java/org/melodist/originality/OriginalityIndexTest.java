package org.melodist.originality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;

/** The matcher on small corpora of made-up tunes, through MIDI files where the file format matters. */
class OriginalityIndexTest {

    private static final Thresholds THRESHOLDS = new Thresholds(9, 15, 33, 0.8);
    private static final int[] SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final long[] LENGTHS = {240, 240, 480, 480, 480, 720, 960};

    /** A random diatonic tune: steps and small leaps, mostly quarters and eighths, at 480 PPQ. */
    static List<Note> tune(long seed, int notes) {
        Random rng = new Random(seed);
        List<Note> out = new ArrayList<>();
        int degree = 7 + rng.nextInt(7);
        long tick = 480L * rng.nextInt(3);
        for (int i = 0; i < notes; i++) {
            degree = Math.max(0, Math.min(20, degree + rng.nextInt(7) - 3));
            int pitch = 48 + 12 * (degree / 7) + SCALE[degree % 7];
            long len = LENGTHS[rng.nextInt(LENGTHS.length)];
            out.add(new Note(pitch, 90, tick, len));
            tick += len;
        }
        return out;
    }

    static OriginalityIndex corpusOf(int tunes, int notes) {
        List<Melody> ms = new ArrayList<>();
        for (int t = 0; t < tunes; t++) {
            ms.add(Melody.of("tune" + t + ".mid", tune(1000 + t, notes), 480));
        }
        return OriginalityIndex.of(TuneCorpus.of(ms), THRESHOLDS);
    }

    /** The notes moved by {@code semitones}, written at another resolution with the start scaled along. */
    static List<Note> rewritten(List<Note> notes, int semitones, int ppq, double valueScale) {
        List<Note> out = new ArrayList<>();
        for (Note n : notes) {
            out.add(new Note(n.pitch() + semitones, 70, Math.round(n.start() * valueScale * ppq / 480.0),
                    Math.round(n.duration() * valueScale * ppq / 480.0)));
        }
        return out;
    }

    @Test
    void tokensAreIntervalsAndQuantisedDurationRatios() {
        // C4 quarter, E4 quarter, D4 eighth, G4 dotted quarter (last: its duration)
        Melody m = Melody.of("m", List.of(new Note(60, 90, 0, 480), new Note(64, 90, 480, 480), new Note(62, 90, 960, 240),
                new Note(67, 90, 1200, 720)), 480);
        short[] t = m.tokens();
        assertEquals(3, t.length);
        assertEquals(4, MelodyTokens.interval(t[0]));
        assertEquals(0, MelodyTokens.ratioStep(t[0]));
        assertEquals(-2, MelodyTokens.interval(t[1]));
        assertEquals(-2, MelodyTokens.ratioStep(t[1]), "an eighth after a quarter: half, two half-octave steps down");
        assertEquals(5, MelodyTokens.interval(t[2]));
        assertEquals(3, MelodyTokens.ratioStep(t[2]), "a dotted quarter after an eighth: x3, round(2 log2 3) = 3");
        assertEquals(1.0, m.onsetBeats(1));
        assertEquals(2.5, m.onsetBeats(3));
    }

    @Test
    void transpositionTempoResolutionTrackAndNoteValuesDoNotMatter(@TempDir Path dir) throws Exception {
        OriginalityIndex index = corpusOf(40, 48);
        List<Note> source = tune(1000 + 17, 48);
        // the same tune 5 semitones up, at 96 PPQ and 200 BPM, on track 2 under a chord track
        List<Note> pad = List.of(new Note(48, 60, 0, 96 * 8), new Note(52, 60, 0, 96 * 8), new Note(55, 60, 0, 96 * 8));
        Song song = Song.of(96, 200, List.of(Track.of("Pad", 1, 48, pad), Track.of("Lead", 0, 0, rewritten(source, 5, 96, 1.0))));
        Path file = dir.resolve("moved.mid");
        new MidiFileWriter().write(song, file);
        Song read = new MidiFileReader().read(file);
        Melody moved = Melody.of("moved.mid", read, 1).orElseThrow();
        assertArrayEquals(Melody.of("s", source, 480).tokens(), moved.tokens());

        OriginalityResult r = index.check(moved);
        SharedPassage top = r.topMatches().get(0);
        assertEquals("tune17.mid", top.corpusFile());
        assertEquals(48, r.longestMatch().sharedNotes());
        assertEquals(5, r.longestMatch().transposition());
        assertEquals(source.get(0).start() / 480.0, r.longestMatch().queryStartBeat(), 1e-9);
        assertEquals(r.longestMatch().queryStartBeat(), r.longestMatch().corpusStartBeat(), 1e-9);
        assertEquals(1.0, top.score(), 1e-9);
        assertEquals(Verdict.COPY, r.verdict());
        assertEquals(0.0, r.originality(), 1e-9);

        PassageComparison side = index.compare(moved, r.longestMatch());
        assertEquals(48, side.query().size());
        assertEquals(48, side.source().size());
        for (int i = 0; i < 48; i++) {
            assertEquals(side.query().get(i).pitch(), side.source().get(i).pitch(), "the source is moved to the query's key");
            assertEquals(side.query().get(i).startBeat(), side.source().get(i).startBeat(), 1e-9);
            assertTrue(side.source().get(i).shared());
        }

        // doubled note values at 1024 PPQ and 7 semitones down: same tokens, same match
        Melody augmented = Melody.of("aug", rewritten(source, -7, 1024, 2.0), 1024);
        OriginalityResult a = index.check(augmented);
        assertEquals("tune17.mid", a.topMatches().get(0).corpusFile());
        assertEquals(48, a.longestNotes());
        assertEquals(-7, a.longestMatch().transposition());
        assertEquals(2 * source.get(0).start() / 480.0, a.longestMatch().queryStartBeat(), 1e-9);
        PassageComparison scaled = index.compare(augmented, a.longestMatch());
        assertEquals(scaled.query().get(10).startBeat(), scaled.source().get(10).startBeat(), 1e-9);
        assertEquals(scaled.query().get(10).lengthBeats(), scaled.source().get(10).lengthBeats(), 1e-9);
    }

    @Test
    void aFewInsertedDeletedOrChangedNotesStillFindTheSource() {
        OriginalityIndex index = corpusOf(40, 64);
        Melody source = index.corpus().melody(23);
        Random rng = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int from = rng.nextInt(64 - 32);
            Melody excerpt = MelodyMutations.edit(MelodyMutations.transpose(source.slice(from, from + 32), rng.nextInt(12) - 6), 3, rng);
            OriginalityResult r = index.check(excerpt);
            assertEquals("tune23.mid", r.topMatches().get(0).corpusFile(), "trial " + trial);
            assertTrue(r.longestNotes() >= 18, "trial " + trial + ": " + r.longestNotes() + " shared notes of " + excerpt.size());
            assertFalse(r.verdict() == Verdict.ORIGINAL, "trial " + trial);
        }
    }

    @Test
    void anUnrelatedTuneSharesOnlyShortFiguresAndIsOriginal() {
        OriginalityIndex index = corpusOf(40, 64);
        int copies = 0;
        for (int t = 0; t < 20; t++) {
            Melody other = Melody.of("new" + t, tune(5000 + t, 32), 480);
            OriginalityResult r = index.check(other);
            if (r.verdict() == Verdict.COPY) {
                copies++;
            }
            assertTrue(r.longestNotes() < 20, r.longestNotes() + " notes shared by an unrelated tune");
        }
        assertEquals(0, copies);
    }

    @Test
    void tooShortOrEmptyQueriesShareNothing() {
        OriginalityIndex index = corpusOf(10, 32);
        OriginalityResult r = index.check(Melody.of("two", List.of(new Note(60, 90, 0, 480), new Note(62, 90, 480, 480)), 480));
        assertNull(r.longestMatch());
        assertTrue(r.topMatches().isEmpty());
        assertEquals(Verdict.ORIGINAL, r.verdict());
        assertEquals(1.0, r.originality());
    }

    @Test
    void theIndexFileRoundTripsAndDamageIsReported(@TempDir Path dir) throws Exception {
        OriginalityIndex index = corpusOf(12, 40);
        Path file = dir.resolve("tunes.idx");
        index.corpus().write(file);
        TuneCorpus back = TuneCorpus.read(file);
        assertEquals(index.corpus().size(), back.size());
        for (int t = 0; t < back.size(); t++) {
            assertEquals(index.corpus().name(t), back.name(t));
            assertArrayEquals(index.corpus().melody(t).pitches(), back.melody(t).pitches());
            assertArrayEquals(index.corpus().melody(t).onsets(), back.melody(t).onsets());
            assertArrayEquals(index.corpus().melody(t).tokens(), back.melody(t).tokens());
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException truncated = assertThrows(IOException.class, () -> TuneCorpus.read(file));
        assertTrue(truncated.getMessage().contains("tunes.idx"), truncated.getMessage());
        Files.writeString(file, "hello");
        IOException foreign = assertThrows(IOException.class, () -> TuneCorpus.read(file));
        assertTrue(foreign.getMessage().contains("not an originality index"), foreign.getMessage());
    }

    @Test
    void thresholdsGiveTheVerdicts() {
        assertEquals(Verdict.ORIGINAL, THRESHOLDS.verdict(14, 32));
        assertEquals(Verdict.BORROWS, THRESHOLDS.verdict(15, 32));
        assertEquals(Verdict.COPY, THRESHOLDS.verdict(26, 32), "26 of 32 notes is over 80 %");
        assertEquals(Verdict.BORROWS, THRESHOLDS.verdict(26, 200));
        assertEquals(Verdict.COPY, THRESHOLDS.verdict(33, 200));
        assertEquals(Verdict.ORIGINAL, THRESHOLDS.verdict(12, 12), "a short figure is no copy even when it is all of the query");
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(9, 9, 33, 0.8));
    }
}

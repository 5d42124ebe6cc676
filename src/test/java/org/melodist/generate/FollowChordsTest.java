package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/** Follow chords with a real (tiny) trained model: notes heard on strong beats keep to the guide's chord tones. */
class FollowChordsTest {

    private static MelodyGenerator generator;
    private final MelodySeed seed = MelodyBenchmark.sixteenNoteSeed();

    @BeforeAll
    static void load() throws IOException {
        generator = MelodyGenerator.load(TinyMelodyModel.dir());
    }

    @AfterAll
    static void close() {
        generator.close();
    }

    private static int mask(int... pcs) {
        int m = 0;
        for (int pc : pcs) m |= 1 << pc;
        return m;
    }

    /** C, F, G7, C, one per bar over the continuation's four bars. */
    private ChordGuide guide(long start) {
        long bar = seed.timeSignature().ticksPerBar(seed.ppq());
        int[][] chords = {{0, 4, 7}, {5, 9, 0}, {7, 11, 2, 5}, {0, 4, 7}};
        java.util.List<ChordGuide.Span> spans = new java.util.ArrayList<>();
        for (int b = 0; b < chords.length; b++) spans.add(new ChordGuide.Span(start + b * bar, start + (b + 1) * bar, mask(chords[b])));
        return new ChordGuide(spans);
    }

    @Test
    void strongBeatNotesAreChordTonesWhenFollowingAndTheCostIsReported() {
        GenerationOptions free = GenerationOptions.defaults().withVariations(8).withBars(4).withRngSeed(5).withTemperature(1.2);
        GenerationResult first = generator.generate(seed, free);
        ChordGuide chords = guide(first.startTick());
        GenerationResult followed = generator.generate(seed, free.withChords(chords));
        TimeSignature ts = seed.timeSignature();
        ChordGuide.ToneShare freeShare = new ChordGuide.ToneShare(0, 0);
        ChordGuide.ToneShare followShare = new ChordGuide.ToneShare(0, 0);
        for (List<Note> v : first.variations()) {
            freeShare = freeShare.plus(chords.toneShare(v, first.startTick(), first.endTick(), ts, seed.ppq()));
        }
        for (List<Note> v : followed.variations()) {
            followShare = followShare.plus(chords.toneShare(v, followed.startTick(), followed.endTick(), ts, seed.ppq()));
        }
        assertTrue(followShare.strongBeatNotes() > 8, "the followed variations sound on strong beats: " + followShare);
        assertEquals(1.0, followShare.share(), 1e-9, "every note heard on a strong beat is a chord tone: " + followShare);
        assertTrue(freeShare.share() < 1.0, "left free, the model plays other notes there too: " + freeShare);
        assertTrue(Double.isFinite(first.nll()) && first.nll() > 0);
        assertTrue(Double.isFinite(followed.nll()) && followed.nll() > 0);
        // the same rng seed without a guide gives the same notes: following is off unless asked for
        assertEquals(first.variations(), generator.generate(seed, free.withChords(ChordGuide.NONE)).variations());
    }

    @Test
    void guideMasksAndStrongBeats() {
        ChordGuide g = new ChordGuide(List.of(new ChordGuide.Span(960, 1920, mask(7, 11, 2)), new ChordGuide.Span(0, 960, mask(0, 4, 7))));
        assertEquals(mask(0, 4, 7), g.maskAt(0));
        assertEquals(mask(7, 11, 2), g.maskAt(1919));
        assertEquals(0, g.maskAt(1920));
        assertTrue(g.isChordTone(55, 1000));
        assertFalse(g.isChordTone(60, 1000));
        TimeSignature four = new TimeSignature(4, 4);
        assertTrue(ChordGuide.isStrongBeat(0, four, 480));
        assertTrue(ChordGuide.isStrongBeat(960, four, 480), "beat 3 of 4/4");
        assertFalse(ChordGuide.isStrongBeat(480, four, 480));
        TimeSignature jig = new TimeSignature(6, 8);
        assertTrue(ChordGuide.isStrongBeat(720, jig, 480), "the second dotted quarter of 6/8");
        assertFalse(ChordGuide.isStrongBeat(240, jig, 480));
        TimeSignature waltz = new TimeSignature(3, 4);
        assertFalse(ChordGuide.isStrongBeat(960, waltz, 480), "only the downbeat in 3/4");
        // a note held across the strong beat counts as heard there
        ChordGuide.ToneShare s = g.toneShare(List.of(new Note(64, 90, 0, 1200), new Note(61, 90, 1200, 720)), 0, 1920, four, 480);
        assertEquals(new ChordGuide.ToneShare(2, 1), s, "E over C at 0 and 960; nothing new at the second bar");
    }
}

package org.melodist.harmony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodist.song.Key;
import org.melodist.song.Note;

class ChordLabelsTest {

    private static String named(int... pitches) {
        List<Integer> p = new ArrayList<>();
        for (int x : pitches) p.add(x);
        return ChordTemplates.name(p).chord().toString();
    }

    @Test
    void templateMatchingNamesEveryQualityFromItsNotes() {
        assertEquals("C", named(48, 52, 55));
        assertEquals("C", named(52, 55, 60), "an inversion keeps its root");
        assertEquals("Am", named(45, 48, 52));
        assertEquals("G7", named(43, 47, 50, 53));
        assertEquals("Bdim", named(47, 50, 53));
        assertEquals("Caug", named(48, 52, 56));
        assertEquals("Cmaj7", named(48, 52, 55, 59));
        assertEquals("Dm7", named(50, 53, 57, 60));
        assertEquals("Csus2", named(48, 50, 55));
        assertEquals("Csus4", named(48, 53, 55));
        assertEquals("C6", named(48, 52, 55, 57), "C-E-G-A over C is C6");
        assertEquals("Am7", named(45, 48, 52, 55), "the same notes over A are Am7");
        assertEquals("Dm6", named(50, 53, 57, 59));
        assertEquals("N", named());
        ChordTemplates.Match fifthLess = ChordTemplates.name(List.of(43, 47));
        assertEquals("G", fifthLess.chord().toString(), "a missing fifth still names the triad");
        assertTrue(fifthLess.clean());
        assertFalse(ChordTemplates.name(List.of(48, 49, 50, 51)).clean(), "a cluster names no chord cleanly");
    }

    @Test
    void eachBeatTakesTheChordSoundingLongestInIt() {
        int ppq = 480;
        List<Note> chords = new ArrayList<>();
        for (int p : new int[] {43, 47, 50}) chords.add(new Note(p, 80, 0, 720));          // G for a beat and a half
        for (int p : new int[] {48, 52, 55}) chords.add(new Note(p, 80, 720, 720));        // then C
        ChordTemplates.Match[] m = ChordLabels.label(chords, ppq, 5);
        assertEquals("G", m[0].chord().toString());
        assertEquals("G", m[1].chord().toString(), "half G, half C: the earlier wins the tie");
        assertEquals("C", m[2].chord().toString());
        assertEquals("N", m[3].chord().toString(), "nothing sounds");
        assertEquals("N", m[4].chord().toString());
    }

    @Test
    void symbolsParseSpellAndFold() {
        Chord fSharpMinor = Chord.parse("F#m");
        assertEquals(6, fSharpMinor.root());
        assertEquals(ChordQuality.MIN, fSharpMinor.quality());
        assertEquals("F#m", fSharpMinor.symbol(Key.parse("D major")));
        assertEquals("Gbm", fSharpMinor.symbol(Key.parse("Db major")));
        assertEquals("Bbmaj7", Chord.parse("A#maj7").symbol(Key.parse("F major")));
        for (int i = 0; i < Chord.VOCABULARY; i++) {
            Chord c = Chord.ofIndex(i);
            assertEquals(i, c.index());
            assertEquals(c, Chord.parse(c.symbol(null)), "symbol round trip of " + c);
        }
        assertEquals(Chord.parse("G").majminIndex(), Chord.parse("G7").majminIndex(), "sevenths fold to their triad");
        assertEquals(Chord.parse("Am").majminIndex(), Chord.parse("Am7").majminIndex());
        assertEquals(0, Chord.NONE.majminIndex());
        assertThrows(IllegalArgumentException.class, () -> Chord.parse("H7"));
        assertThrows(IllegalArgumentException.class, () -> Chord.parse("Cfoo"));
        assertThrows(IllegalArgumentException.class, () -> Chord.parse(""));
    }

    @Test
    void metricsOfAKnownHarmonisation() {
        int ppq = 4;
        // C E G over C for two beats, then F A C over F for two beats: all chord tones
        List<Note> melody = List.of(new Note(60, 80, 0, 4), new Note(64, 80, 4, 4), new Note(65, 80, 8, 4), new Note(69, 80, 12, 4));
        Chord c = Chord.parse("C");
        Chord f = Chord.parse("F");
        HarmonyMetrics m = HarmonyMetrics.of(melody, ppq, new Chord[] {c, c, f, f});
        assertEquals(Math.log(2), m.chordEntropy(), 1e-9);
        assertEquals(2, m.chordCoverage());
        assertEquals(1.0, m.ctnctr(), 1e-9);
        // each step: the melody note against three chord tones, unison/third/fifth (+1) or a fourth (0)
        assertTrue(m.pcs() > 0.5 && m.pcs() <= 1, "consonant: " + m.pcs());
        HarmonyMetrics clash = HarmonyMetrics.of(melody, ppq, new Chord[] {Chord.parse("C#"), Chord.parse("C#"), Chord.parse("F#"), Chord.parse("F#")});
        assertTrue(clash.pcs() < m.pcs() && clash.mctd() > m.mctd() && clash.ctnctr() < 1, "semitone clashes score worse");
    }
}

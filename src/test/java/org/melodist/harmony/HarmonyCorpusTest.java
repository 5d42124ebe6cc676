package org.melodist.harmony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.melodist.SharedData;
import org.melodist.midi.MidiFileReader;

/** Labels of real Nottingham tunes (skipped when ../shared is absent). */
class HarmonyCorpusTest {

    private static Path full() {
        var dir = SharedData.data("nottingham/full");
        Assumptions.assumeTrue(dir.isPresent(), SharedData.missingReason("nottingham/full"));
        return dir.get();
    }

    @Test
    void aJigIsLabelledFromItsChordTrackBeatByBeat() throws Exception {
        Path f = full().resolve("jigs10.mid");
        LabelledTune t = HarmonyCorpus.labelled("jigs10.mid", new MidiFileReader().read(f));
        assertEquals("E minor", t.key().toString());
        // the chord track: E-G-B from beat 3 for six beats, then D-F#-A-C (D7) for six beats
        assertEquals("N", Chord.ofIndex(t.labels()[0]).toString(), "the pickup has no chord");
        assertEquals("Em", Chord.ofIndex(t.labels()[3]).toString());
        assertEquals("Em", Chord.ofIndex(t.labels()[8]).toString());
        assertEquals("D7", Chord.ofIndex(t.labels()[9]).toString());
        assertEquals(Chord.parse("Cm").index(), t.relativeLabel(3), "relative to the tonic (as C): Em in E minor is Cm");
    }

    @Test
    void tunesWithoutAChordPartAreRefused() throws Exception {
        Path f = full().resolve("morris3.mid");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HarmonyCorpus.labelled("morris3.mid", new MidiFileReader().read(f)));
        assertTrue(e.getMessage().contains("no chord part"), e.getMessage());
    }
}

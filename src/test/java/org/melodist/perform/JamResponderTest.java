package org.melodist.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.melodist.generate.GenerationOptions;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

class JamResponderTest {

    static MelodyGenerator generator;

    @BeforeAll
    static void load() throws IOException {
        generator = MelodyGenerator.load(TinyMelodyModel.dir());
    }

    @AfterAll
    static void close() {
        generator.close();
    }

    @Test
    void theAnswerStartsOnTheAnswerBeatAndLastsTheBarsAsked() {
        JamResponder responder = new JamResponder(generator);
        List<Note> phrase = List.of(new Note(60, 50, 0, 240), new Note(62, 60, 240, 240), new Note(64, 70, 480, 480),
                new Note(60, 80, 960, 240), new Note(64, 90, 960, 240)); // a chord at the end: its top line is used
        JamTiming.Phrase p = new JamTiming.Phrase(3, phrase, 1680, 1920);
        Key cMajor = Key.parse("C major");
        GenerationOptions opt = GenerationOptions.defaults().withBars(2).withTemperature(0.8).withKeyLock(cMajor).withRngSeed(11);
        JamResponder.Answer a = responder.answer(p, List.of(), 480, TimeSignature.FOUR_FOUR, opt);
        assertEquals(3, a.phraseId());
        assertEquals(1920, a.startTick());
        assertEquals(1920 + 2 * 1920, a.endTick());
        assertFalse(a.notes().isEmpty());
        for (Note n : a.notes()) {
            assertTrue(n.start() >= 1920 && n.start() < a.endTick(), n.toString());
            assertTrue(cMajor.contains(n.pitch()), "key lock: " + n);
            assertEquals(70, n.velocity(), "as loud as the phrase");
        }
        assertTrue(a.computeMillis() > 0);
        // same settings, same answer
        assertEquals(a.notes(), responder.answer(p, List.of(), 480, TimeSignature.FOUR_FOUR, opt).notes());
    }
}

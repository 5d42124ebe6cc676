package org.melodist.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.perform.Midi.off;
import static org.melodist.perform.Midi.on;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

/** The jam's phrase-end and answer-beat logic with a clock moved by hand: 120 BPM, 500 ms a beat. */
class JamTimingTest {

    static final long BEAT = 500_000;
    static final Song SONG = Song.of(480, 120, List.of(new Track("Lead", 0, 0, List.of())));
    final ManualClock clock = new ManualClock(0);
    final PerformanceTimeline timeline = PerformanceTimeline.of(SONG, 1.0, 0, 0);

    JamTiming jam(JamTiming.PhraseEnd rule, long restTicks) {
        return new JamTiming(480, TimeSignature.FOUR_FOUR, rule, restTicks, 100_000, timeline, clock);
    }

    @Test
    void aRestOfOneBeatEndsThePhraseAndTheAnswerComesOnTheNextBeat() {
        JamTiming j = jam(JamTiming.PhraseEnd.REST, 480);
        j.send(on(60, 90), 0);
        j.send(off(60), BEAT);
        j.send(on(62, 91), BEAT);
        j.send(off(62), 2 * BEAT + BEAT / 4); // last note ends at tick 1080
        JamTiming.Phrase p = j.pending().orElseThrow();
        assertEquals(1080 + 480, p.endTick());
        assertEquals(1920, p.answerTick(), "the next beat after tick 1560");
        assertEquals(List.of(new Note(60, 90, 0, 480), new Note(62, 91, 480, 600)), p.notes());
        assertTrue(j.poll(3 * BEAT).isEmpty(), "the rest has not run out yet");
        assertEquals(p, j.poll(3 * BEAT + 250_001).orElseThrow());
        assertTrue(j.poll(4 * BEAT).isEmpty(), "handed over once");
    }

    @Test
    void aPhraseEndingOnABeatIsAnsweredOnThatBeat() {
        JamTiming j = jam(JamTiming.PhraseEnd.REST, 480);
        j.send(on(60, 90), 0);
        j.send(off(60), BEAT);
        JamTiming.Phrase p = j.pending().orElseThrow();
        assertEquals(960, p.endTick());
        assertEquals(960, p.answerTick(), "known at the key-up, a beat ahead: the answer can start right there");
    }

    @Test
    void theAnswerLeavesTheComputeLeadAfterTheLastKeyUp() {
        JamTiming j = jam(JamTiming.PhraseEnd.REST, 5);
        j.send(on(60, 90), 0);
        j.send(off(60), 470 * BEAT / 480); // key-up at tick 470, a 5-tick rest ends the phrase at 475
        JamTiming.Phrase p = j.pending().orElseThrow();
        assertEquals(475, p.endTick());
        assertEquals(960, p.answerTick(), "the beat at 480 is only 10 ms after the key-up, less than the 100 ms lead");
    }

    @Test
    void playingOnDuringTheRestContinuesThePhrase() {
        JamTiming j = jam(JamTiming.PhraseEnd.REST, 480);
        j.send(on(60, 90), 0);
        j.send(off(60), BEAT);
        int first = j.pending().orElseThrow().id();
        j.send(on(64, 90), BEAT + BEAT / 2);
        assertTrue(j.pending().isEmpty(), "a key is down");
        assertTrue(j.poll(3 * BEAT).isEmpty());
        j.send(off(64), 2 * BEAT);
        JamTiming.Phrase p = j.pending().orElseThrow();
        assertTrue(p.id() > first);
        assertEquals(2, p.notes().size());
        assertEquals(1440, p.endTick());
        assertEquals(p, j.poll(3 * BEAT).orElseThrow());
        // the next note begins a new phrase
        j.send(on(67, 90), 5 * BEAT);
        j.send(off(67), 6 * BEAT);
        assertEquals(List.of(new Note(67, 90, 2400, 480)), j.pending().orElseThrow().notes());
    }

    @Test
    void theBarLineRuleEndsThePhraseAtTheNextBarLine() {
        JamTiming j = jam(JamTiming.PhraseEnd.BAR_LINE, 480);
        j.send(on(60, 90), BEAT);
        j.send(off(60), 2 * BEAT + 1000);
        JamTiming.Phrase p = j.pending().orElseThrow();
        assertEquals(1920, p.endTick());
        assertEquals(1920, p.answerTick(), "on the bar line");
        assertTrue(j.poll(4 * BEAT - 1).isEmpty());
        assertEquals(p, j.poll(4 * BEAT).orElseThrow());
    }

    @Test
    void messagesWithoutTimestampArePlacedOnTheClockAndTheTimelinesTempoFactor() {
        PerformanceTimeline fast = PerformanceTimeline.of(SONG, 2.0, 1_000_000, 1920);
        JamTiming j = new JamTiming(480, TimeSignature.FOUR_FOUR, JamTiming.PhraseEnd.REST, 480, 100_000, fast, clock);
        clock.set(1_000_000);
        j.send(on(60, 90), -1);
        clock.set(1_250_000); // a beat at double speed
        j.send(off(60), -1);
        JamTiming.Phrase p = j.pending().orElseThrow();
        assertEquals(List.of(new Note(60, 90, 1920, 480)), p.notes());
        assertEquals(2880, p.endTick());
        assertEquals(2880, p.answerTick());
    }
}

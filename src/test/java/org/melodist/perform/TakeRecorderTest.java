package org.melodist.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.perform.Midi.off;
import static org.melodist.perform.Midi.on;
import static org.melodist.perform.Midi.onZero;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.song.edit.EditHistory;

/**
 * The recorder driven through its Receiver with timestamped messages: at 120 BPM and 480 ticks per
 * quarter a beat is 500 ms, so one tick is 1041.67 us. Time is moved by hand.
 */
class TakeRecorderTest {

    static final long BEAT = 500_000;
    final ManualClock clock = new ManualClock(1_000_000);
    final List<Take> takes = new ArrayList<>();

    static Song song(List<Note> existing) {
        return Song.of(480, 120, List.of(new Track("Lead", 0, 0, existing), new Track("Bass", 1, 33, List.of())));
    }

    TakeRecorder record(Song song, long startTick, int countInBars, RecordMode mode, InputQuantize q, long loopStart, long loopEnd) {
        return TakeRecorder.start(song, new TakeRecorder.Setup(0, startTick, countInBars, mode, q), 1.0, loopStart, loopEnd,
                clock, takes::add);
    }

    @Test
    void countInOfOneBarComesFirstAndNotesInItAreLeftOut() {
        TakeRecorder r = record(song(List.of()), 1920, 1, RecordMode.OVERDUB, InputQuantize.OFF, -1, -1);
        long t0 = clock.nowMicros();
        assertEquals(t0 + 4 * BEAT, r.countInEndMicros());
        assertEquals(4, r.countInBeatsLeft(t0));
        assertEquals(3, r.countInBeatsLeft(t0 + BEAT + 1));
        assertEquals(1, r.countInBeatsLeft(t0 + 3 * BEAT + 10));
        assertEquals(0, r.countInBeatsLeft(t0 + 4 * BEAT));

        r.send(on(55, 80), t0 + 2 * BEAT);            // during the count-in: not recorded
        r.send(off(55), t0 + 2 * BEAT + 100_000);
        r.send(on(59, 50), t0 + 4 * BEAT - BEAT / 8);  // a thirty-second early: it starts on the first beat
        r.send(off(59), t0 + 4 * BEAT + BEAT / 8);
        r.send(on(60, 101), t0 + 4 * BEAT);            // the first beat of the take: tick 1920
        r.send(off(60), t0 + 5 * BEAT);
        r.send(on(64, 37), t0 + 5 * BEAT + BEAT / 2);  // an eighth later: 1920 + 480 + 240
        r.send(onZero(64), t0 + 6 * BEAT);
        r.stop(t0 + 8 * BEAT);

        assertEquals(1, r.ignoredInCountIn());
        assertEquals(1, takes.size());
        Take take = takes.get(0);
        assertEquals(List.of(new Note(59, 50, 1920, 60), new Note(60, 101, 1920, 480), new Note(64, 37, 2640, 240)),
                take.notes());
        assertEquals(1920, take.from());
        assertEquals(1920 + 4 * 480, take.to());
    }

    @Test
    void anOverdubAddsToTheTrackAndOneUndoTakesTheWholeTakeBack() {
        Note old = new Note(72, 90, 0, 960);
        Song song = song(List.of(old));
        EditHistory history = new EditHistory(song);
        TakeRecorder r = record(song, 0, 0, RecordMode.OVERDUB, InputQuantize.OFF, -1, -1);
        long t0 = clock.nowMicros();
        for (int i = 0; i < 4; i++) {
            r.send(on(60 + i, 60 + 10 * i), t0 + i * BEAT);
            r.send(off(60 + i), t0 + i * BEAT + BEAT / 2);
        }
        r.stop(t0 + 4 * BEAT);
        history.apply(takes.get(0).edit());

        List<Note> notes = history.current().track(0).notes();
        assertEquals(5, notes.size());
        assertTrue(notes.contains(old));
        assertEquals(List.of(60, 70, 80, 90), notes.stream().filter(n -> n.pitch() < 70).map(Note::velocity).toList());
        assertEquals("Record take 1 (4 notes)", history.undoName().orElseThrow());
        history.undo();
        assertEquals(List.of(old), history.current().track(0).notes());
        assertFalse(history.canUndo());
    }

    @Test
    void replaceRemovesTheNotesThatStartInTheTakesRangeOnly() {
        Note before = new Note(50, 90, 0, 480);
        Note inside = new Note(51, 90, 960, 480);
        Note after = new Note(52, 90, 960 + 1920, 480);
        Song song = song(List.of(before, inside, after));
        TakeRecorder r = record(song, 480, 0, RecordMode.REPLACE, InputQuantize.OFF, -1, -1);
        long t0 = clock.nowMicros();
        r.send(on(67, 99), t0 + BEAT);
        r.send(off(67), t0 + 2 * BEAT);
        r.stop(t0 + 4 * BEAT); // the take covers ticks 480..2400

        Song after1 = takes.get(0).edit().apply(song);
        assertEquals(List.of(before, new Note(67, 99, 960, 480), after), after1.track(0).notes());
        assertEquals(song.track(1), after1.track(1));
    }

    @Test
    void quantizeOnInputMovesStartsByTheStrengthAndKeepsLengths() {
        InputQuantize sixteenthFull = new InputQuantize(120, 1.0);
        InputQuantize eighthHalf = new InputQuantize(240, 0.5);
        long tickMicros = BEAT / 480;
        for (InputQuantize q : List.of(sixteenthFull, eighthHalf)) {
            takes.clear();
            TakeRecorder r = record(song(List.of()), 0, 0, RecordMode.OVERDUB, q, -1, -1);
            long t0 = clock.nowMicros();
            r.send(on(60, 90), t0 + 250 * tickMicros + tickMicros / 2); // played at tick 250: late
            r.send(off(60), t0 + 450 * tickMicros + tickMicros / 2);    // 200 ticks long
            r.stop(t0 + 2 * BEAT);
            Note n = takes.get(0).notes().get(0);
            assertEquals(200, n.duration(), "length as played");
            assertEquals(q == sixteenthFull ? 240 : 245, n.start());
        }
        assertEquals(250, InputQuantize.OFF.apply(250));
    }

    @Test
    void loopRecordingStacksEachPassAsItsOwnUndoStep() {
        Song song = song(List.of());
        EditHistory history = new EditHistory(song);
        // loop over bar 1 (0..1920), start recording at the loop start
        TakeRecorder r = record(song, 0, 0, RecordMode.OVERDUB, InputQuantize.OFF, 0, 1920);
        long t0 = clock.nowMicros();
        long bar = 4 * BEAT;
        r.send(on(60, 90), t0);
        r.send(off(60), t0 + BEAT);
        // a note held over the loop end ends at the loop end, in the first take
        r.send(on(62, 90), t0 + 3 * BEAT);
        r.send(on(64, 91), t0 + bar + BEAT);        // pass 2 finishes take 1 first
        r.send(off(62), t0 + bar + BEAT + 10);      // no longer held: ignored
        r.send(off(64), t0 + bar + 2 * BEAT);
        r.advance(t0 + 2 * bar + 1_000);            // pass 2 ends while pass 3 plays
        assertEquals(2, takes.size());
        r.send(on(67, 92), t0 + 2 * bar + 2 * BEAT);
        r.send(off(67), t0 + 2 * bar + 3 * BEAT);
        r.stop(t0 + 2 * bar + 3 * BEAT + 5);
        assertEquals(3, takes.size());

        assertEquals(List.of(new Note(60, 90, 0, 480), new Note(62, 90, 1440, 480)), takes.get(0).notes());
        assertEquals(List.of(new Note(64, 91, 480, 480)), takes.get(1).notes());
        assertEquals(List.of(new Note(67, 92, 960, 480)), takes.get(2).notes());
        assertEquals(0, takes.get(1).from());
        assertEquals(1920, takes.get(1).to());
        for (Take t : takes) history.apply(t.edit());
        assertEquals(4, history.current().track(0).notes().size());
        assertEquals("Record take 3 (1 note)", history.undoName().orElseThrow());
        history.undo();
        assertEquals(3, history.current().track(0).notes().size());
        history.undo();
        assertEquals(2, history.current().track(0).notes().size());
        assertEquals("Record take 1 (2 notes)", history.undoName().orElseThrow());
    }

    @Test
    void loopReplaceLetsTheLastPassWinButUndoBringsTheEarlierBack() {
        Song song = song(List.of());
        EditHistory history = new EditHistory(song);
        TakeRecorder r = record(song, 0, 0, RecordMode.REPLACE, InputQuantize.OFF, 0, 1920);
        long t0 = clock.nowMicros();
        long bar = 4 * BEAT;
        r.send(on(60, 90), t0);
        r.send(off(60), t0 + BEAT);
        r.send(on(65, 90), t0 + bar);
        r.send(off(65), t0 + bar + BEAT);
        r.stop(t0 + bar + 2 * BEAT);
        for (Take t : takes) history.apply(t.edit());
        assertEquals(List.of(new Note(65, 90, 0, 480)), history.current().track(0).notes());
        history.undo();
        assertEquals(List.of(new Note(60, 90, 0, 480)), history.current().track(0).notes());
    }

    @Test
    void aKeyStillDownAtStopEndsThereAndMessagesWithoutTimestampUseTheClock() {
        TakeRecorder r = record(song(List.of()), 0, 0, RecordMode.OVERDUB, InputQuantize.OFF, -1, -1);
        long t0 = clock.nowMicros();
        clock.set(t0 + BEAT);
        r.send(on(60, 90), -1);
        assertEquals(List.of(new Note(60, 90, 480, 480)), r.notesSoFar(t0 + 2 * BEAT));
        r.stop(t0 + 3 * BEAT);
        assertEquals(List.of(new Note(60, 90, 480, 960)), takes.get(0).notes());
        r.send(on(62, 90), t0 + 4 * BEAT);
        assertEquals(1, takes.size(), "nothing is recorded after stop");
    }

    @Test
    void aTakeWithNoNotesWritesNothing() {
        TakeRecorder r = record(song(List.of(new Note(60, 90, 0, 480))), 0, 1, RecordMode.REPLACE, InputQuantize.OFF, -1, -1);
        r.stop(clock.nowMicros() + 10 * BEAT);
        assertTrue(takes.isEmpty());
        assertEquals(0, r.takeCount());
    }

    @Test
    void theTempoFactorOfTheTransportStretchesTime() {
        Song song = song(List.of());
        TakeRecorder r = TakeRecorder.start(song, new TakeRecorder.Setup(0, 0, 0, RecordMode.OVERDUB, InputQuantize.OFF),
                2.0, -1, -1, clock, takes::add);
        long t0 = clock.nowMicros();
        r.send(on(60, 90), t0 + BEAT / 2); // at double speed half the time is a whole beat
        r.send(off(60), t0 + BEAT);
        r.stop(t0 + 2 * BEAT);
        assertEquals(List.of(new Note(60, 90, 480, 480)), takes.get(0).notes());
    }
}

package org.melodist.perform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * When the musician's phrase in a jam ends and when the answer starts. Notes arrive as a {@link Receiver}
 * (timestamps in the clock's microseconds, -1 for now) and are placed on the transport's
 * {@link PerformanceTimeline}. A phrase ends after a rest of {@code restTicks} with no key down, or at the
 * first bar line after its last note ends, as chosen. The answer starts on the first beat from the
 * phrase's end on (the end itself when it falls on a beat, as the bar line does) that is also at least
 * {@code leadMicros} (the time allowed to compute it) after the last key-up, when computing can begin.
 *
 * <p>As soon as every key is up the phrase is {@linkplain #pending() pending}: its end and answer beat
 * are known already, so the answer can be computed while the rest runs. A key pressed before the end
 * makes the phrase go on (the pending one is dropped, with a new id next time). {@link #poll} hands the
 * phrase over once its end has come.
 */
public final class JamTiming implements Receiver {

    /** How a phrase ends. */
    public enum PhraseEnd { REST, BAR_LINE }

    /** A phrase the musician played, where it ends and the beat the answer begins on. */
    public record Phrase(int id, List<Note> notes, long endTick, long answerTick) {
        public Phrase {
            notes = List.copyOf(notes).stream().sorted().toList();
        }
    }

    private record Held(double tick, int velocity) {
    }

    private final int ppq;
    private final TimeSignature metre;
    private final PhraseEnd rule;
    private final long restTicks;
    private final long leadMicros;
    private final PerformanceTimeline timeline;
    private final PerformanceClock clock;
    private final Map<Integer, Held> held = new HashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private double lastEnd = -1;
    private int nextId = 1;
    private Phrase pending;

    public JamTiming(int ppq, TimeSignature metre, PhraseEnd rule, long restTicks, long leadMicros,
                     PerformanceTimeline timeline, PerformanceClock clock) {
        if (restTicks < 1) throw new IllegalArgumentException("rest of " + restTicks + " ticks is too short");
        if (leadMicros < 0) throw new IllegalArgumentException("lead " + leadMicros + " us is negative");
        this.ppq = ppq;
        this.metre = Objects.requireNonNull(metre, "metre");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.restTicks = restTicks;
        this.leadMicros = leadMicros;
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PerformanceTimeline timeline() {
        return timeline;
    }

    @Override
    public synchronized void send(MidiMessage message, long timeStamp) {
        if (!(message instanceof ShortMessage m)) return;
        long micros = timeStamp >= 0 ? timeStamp : clock.nowMicros();
        double tick = timeline.at(micros).tick();
        int command = m.getCommand();
        int pitch = m.getData1();
        if (command == ShortMessage.NOTE_ON && m.getData2() > 0) {
            pending = null;
            if (held.containsKey(pitch)) end(pitch, tick);
            held.put(pitch, new Held(tick, m.getData2()));
        } else if ((command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) && held.containsKey(pitch)) {
            end(pitch, tick);
            if (held.isEmpty()) pending = phrase();
        }
    }

    private void end(int pitch, double tick) {
        Held h = held.remove(pitch);
        long start = Math.max(0, Math.round(h.tick()));
        notes.add(new Note(pitch, h.velocity(), start, Math.max(1, Math.round(tick - h.tick()))));
        lastEnd = Math.max(lastEnd, tick);
    }

    private Phrase phrase() {
        long bar = metre.ticksPerBar(ppq);
        long beat = metre.ticksPerBeat(ppq);
        long last = Math.round(lastEnd);
        long end = rule == PhraseEnd.REST ? last + restTicks : Math.floorDiv(last + bar - 1, bar) * bar;
        // the answer is computed from the last key-up on, while the rest runs: the lead counts from there
        double leadTick = timeline.at(timeline.microsAt(lastEnd) + leadMicros).tick();
        long earliest = Math.max(end, (long) Math.ceil(leadTick - 1e-6));
        long answer = Math.floorDiv(earliest + beat - 1, beat) * beat;
        return new Phrase(nextId++, notes, end, answer);
    }

    /** The phrase as it stands while every key is up and its end has not come yet; empty otherwise. */
    public synchronized Optional<Phrase> pending() {
        return Optional.ofNullable(pending);
    }

    /**
     * The phrase, once its end has come by {@code micros} with no key pressed since; the next note then
     * begins a new phrase. Empty before that.
     */
    public synchronized Optional<Phrase> poll(long micros) {
        if (pending == null || timeline.at(micros).tick() < pending.endTick()) return Optional.empty();
        Phrase done = pending;
        pending = null;
        notes.clear();
        lastEnd = -1;
        return Optional.of(done);
    }

    /** Keys held down now. */
    public synchronized int keysDown() {
        return held.size();
    }

    @Override
    public void close() {
        // nothing held open
    }
}

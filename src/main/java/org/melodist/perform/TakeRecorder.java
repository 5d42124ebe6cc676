package org.melodist.perform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import org.melodist.song.Note;
import org.melodist.song.Song;

/**
 * Records what a keyboard plays into one track. It is a {@link Receiver}: each message's timestamp (in
 * the {@link PerformanceClock}'s microseconds; -1 means "now") is placed on a {@link PerformanceTimeline}
 * that starts with the count-in and reaches {@code startTick} when the count-in ends. Notes begun in the
 * count-in are not recorded, except one played at most a sixteenth early, which starts on the first beat. When the timeline loops, every pass ends a {@link Take} at the loop end and
 * the next begins at the loop start, so looped takes stack as separate undo steps; {@link #stop} ends the
 * last. Finished takes go to the listener on the thread that finished them (the MIDI thread or the
 * caller of {@link #advance}/{@link #stop}). Velocities are kept; quantize on input moves starts only.
 */
public final class TakeRecorder implements Receiver {

    /**
     * What to record: into {@code track} from {@code startTick}, after {@code countInBars} bars of count-in.
     */
    public record Setup(int track, long startTick, int countInBars, RecordMode mode, InputQuantize quantize) {
        public Setup {
            if (track < 0) throw new IllegalArgumentException("track " + track + " is negative");
            if (startTick < 0) throw new IllegalArgumentException("start tick " + startTick + " is negative");
            if (countInBars < 0 || countInBars > 4) {
                throw new IllegalArgumentException("count-in of " + countInBars + " bars is outside 0-4");
            }
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(quantize, "quantize");
        }
    }

    private record Held(double tick, int velocity) {
    }

    private final Setup setup;
    private PerformanceTimeline timeline;
    private final PerformanceClock clock;
    private final Consumer<Take> listener;
    private final long countInTicks;
    private final long beatTicks;
    private final Map<Integer, Held> held = new LinkedHashMap<>();
    private final List<Note> current = new ArrayList<>();
    private int pass;
    private int takes;
    private int ignoredInCountIn;
    private boolean stopped;

    /**
     * Starts recording now ({@code clock.nowMicros()}): the count-in plays first, at the tempo of the start
     * tick; then the playhead moves from the start tick, wrapping over {@code [loopStart, loopEnd)} when
     * {@code loopEnd > loopStart >= 0}.
     */
    public static TakeRecorder start(Song song, Setup setup, double tempoFactor, long loopStart, long loopEnd,
                                     PerformanceClock clock, Consumer<Take> listener) {
        long countIn = setup.countInBars() * song.ticksPerBar();
        PerformanceTimeline probe = PerformanceTimeline.of(song, tempoFactor, 0, setup.startTick());
        long anchor = clock.nowMicros() + Math.round(probe.microsPerTicks(countIn));
        PerformanceTimeline timeline = PerformanceTimeline.of(song, tempoFactor, anchor, setup.startTick())
                .withLoop(loopStart, loopEnd);
        return new TakeRecorder(setup, timeline, countIn, song.timeSignature().ticksPerBeat(song.ppq()), clock, listener);
    }

    public TakeRecorder(Setup setup, PerformanceTimeline timeline, long countInTicks, long beatTicks,
                        PerformanceClock clock, Consumer<Take> listener) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.countInTicks = countInTicks;
        this.beatTicks = beatTicks;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The playhead really reached the start tick at {@code micros} (the transport started a little after
     * the count-in's end): the rest of the take is timed from there.
     */
    public synchronized void reanchor(long micros) {
        timeline = new PerformanceTimeline(timeline.ppq(), timeline.tempo(), timeline.tempoFactor(), micros,
                timeline.anchorTick(), timeline.loopStart(), timeline.loopEnd());
    }

    public Setup setup() {
        return setup;
    }

    public synchronized PerformanceTimeline timeline() {
        return timeline;
    }

    /** The moment the count-in ends and the playhead is at the start tick (the transport starts then). */
    public synchronized long countInEndMicros() {
        return timeline.anchorMicros();
    }

    /** Beats of count-in still to come at {@code micros} (0 once recording has begun). */
    public synchronized int countInBeatsLeft(long micros) {
        double tick = timeline.at(micros).tick();
        if (micros >= timeline.anchorMicros()) return 0;
        return (int) Math.ceil((setup.startTick() - tick) / beatTicks - 1e-9);
    }

    /** Count-in length in ticks. */
    public long countInTicks() {
        return countInTicks;
    }

    /** Note-ons that came during the count-in and were left out. */
    public synchronized int ignoredInCountIn() {
        return ignoredInCountIn;
    }

    /** Takes finished so far. */
    public synchronized int takeCount() {
        return takes;
    }

    @Override
    public synchronized void send(MidiMessage message, long timeStamp) {
        if (stopped || !(message instanceof ShortMessage m)) return;
        long micros = timeStamp >= 0 ? timeStamp : clock.nowMicros();
        int command = m.getCommand();
        if (command == ShortMessage.NOTE_ON && m.getData2() > 0) {
            noteOn(m.getData1(), m.getData2(), micros);
        } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
            noteOff(m.getData1(), micros);
        }
    }

    private void noteOn(int pitch, int velocity, long micros) {
        advanceTo(micros);
        PerformanceTimeline.Position p = timeline.at(micros);
        double tick = p.tick();
        if (p.pass() == 0 && tick < setup.startTick()) {
            // a note played a hair early (a sixteenth at most) belongs to the first beat
            if (setup.startTick() - tick > beatTicks / 4.0) {
                ignoredInCountIn++;
                return;
            }
            tick = setup.startTick();
        }
        if (held.containsKey(pitch)) finish(pitch, tick);
        held.put(pitch, new Held(tick, velocity));
    }

    private void noteOff(int pitch, long micros) {
        advanceTo(micros);
        if (held.containsKey(pitch)) finish(pitch, timeline.at(micros).tick());
    }

    private void finish(int pitch, double endTick) {
        Held h = held.remove(pitch);
        long start = Math.round(h.tick());
        long duration = Math.max(1, Math.round(endTick - h.tick()));
        current.add(new Note(pitch, h.velocity(), setup.quantize().apply(start), duration));
    }

    /**
     * Moves the recorder's time to {@code micros}: a loop pass that has ended by then is finished as a take.
     * The studio calls it at display rate so that a looped take lands while the next pass plays.
     */
    public synchronized void advance(long micros) {
        if (!stopped) advanceTo(micros);
    }

    private void advanceTo(long micros) {
        int now = timeline.at(micros).pass();
        while (pass < now) {
            long end = timeline.loopEnd();
            closeTake(end);
            pass++;
        }
    }

    private void closeTake(long endTick) {
        for (Integer pitch : List.copyOf(held.keySet())) finish(pitch, endTick);
        long from = pass == 0 ? setup.startTick() : timeline.loopStart();
        List<Note> notes = List.copyOf(current);
        current.clear();
        if (notes.isEmpty()) return;
        takes++;
        listener.accept(new Take(takes, setup.track(), from, Math.max(from, endTick), setup.mode(), notes));
    }

    /** Stops at {@code micros}: held notes end there and the last take is finished. */
    public synchronized void stop(long micros) {
        if (stopped) return;
        advanceTo(micros);
        PerformanceTimeline.Position p = timeline.at(micros);
        long end = Math.max(setup.startTick(), (long) Math.ceil(p.tick()));
        closeTake(end);
        stopped = true;
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    /**
     * The notes of the take in progress as they would be written if it ended at {@code micros} (held notes
     * sound up to then), for drawing them while recording.
     */
    public synchronized List<Note> notesSoFar(long micros) {
        List<Note> all = new ArrayList<>(current);
        double now = timeline.at(micros).tick();
        for (Map.Entry<Integer, Held> e : held.entrySet()) {
            long start = Math.round(e.getValue().tick());
            all.add(new Note(e.getKey(), e.getValue().velocity(), setup.quantize().apply(start),
                    Math.max(1, Math.round(now - e.getValue().tick()))));
        }
        all.sort(null);
        return all;
    }

    @Override
    public void close() {
        stop(clock.nowMicros());
    }
}

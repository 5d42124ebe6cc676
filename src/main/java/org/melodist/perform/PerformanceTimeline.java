package org.melodist.perform;

import org.melodist.song.Song;
import org.melodist.song.TempoMap;

/**
 * Where the playhead is at a moment of a performance: at {@code anchorMicros} it is at {@code anchorTick}
 * and moves forward with the song's tempo map times {@code tempoFactor}; with a loop it wraps from
 * {@code loopEnd} back to {@code loopStart}, each wrap starting a new <em>pass</em>. Before the anchor
 * (the count-in) the position is extrapolated backwards at the tempo of the anchor tick, as negative
 * distances from it.
 *
 * @param loopStart first tick of the loop, or -1 for no loop
 * @param loopEnd   end tick of the loop (exclusive), or -1 for no loop
 */
public record PerformanceTimeline(int ppq, TempoMap tempo, double tempoFactor, long anchorMicros, long anchorTick,
                                  long loopStart, long loopEnd) {

    /** A moment of the performance: the pass (0 until the first wrap) and the song tick in it. */
    public record Position(int pass, double tick) {
    }

    public PerformanceTimeline {
        if (ppq < 1) throw new IllegalArgumentException("ticks per quarter " + ppq + " must be positive");
        if (!(tempoFactor > 0)) throw new IllegalArgumentException("tempo factor " + tempoFactor + " must be positive");
        if (anchorTick < 0) throw new IllegalArgumentException("anchor tick " + anchorTick + " is negative");
        if (looping(loopStart, loopEnd) && anchorTick >= loopEnd) {
            // starting after the loop plays on without wrapping, as the sequencer does
            loopStart = -1;
            loopEnd = -1;
        }
    }

    private static boolean looping(long start, long end) {
        return start >= 0 && end > start;
    }

    /** Plays {@code song}'s tempo from {@code anchorTick}, reached at {@code anchorMicros}, without a loop. */
    public static PerformanceTimeline of(Song song, double tempoFactor, long anchorMicros, long anchorTick) {
        return new PerformanceTimeline(song.ppq(), song.tempoMap(), tempoFactor, anchorMicros, anchorTick, -1, -1);
    }

    public PerformanceTimeline withLoop(long start, long end) {
        return new PerformanceTimeline(ppq, tempo, tempoFactor, anchorMicros, anchorTick, start, end);
    }

    public boolean loops() {
        return looping(loopStart, loopEnd);
    }

    /** Microseconds one beat of {@code beatTicks} lasts at the anchor tick's tempo. */
    public double microsPerTicks(long ticks) {
        return ticks * 60e6 / (tempo.bpmAt(anchorTick) * ppq * tempoFactor);
    }

    public Position at(long micros) {
        double elapsed = (micros - anchorMicros) / 1e6 * tempoFactor;
        if (elapsed < 0) {
            return new Position(0, anchorTick + elapsed * tempo.bpmAt(anchorTick) * ppq / 60.0);
        }
        double s0 = tempo.seconds(anchorTick, ppq);
        if (!loops()) {
            return new Position(0, tempo.tickAt(s0 + elapsed, ppq));
        }
        double firstPass = tempo.seconds(loopEnd, ppq) - s0;
        if (elapsed < firstPass) {
            return new Position(0, tempo.tickAt(s0 + elapsed, ppq));
        }
        double loopSeconds = tempo.seconds(loopEnd, ppq) - tempo.seconds(loopStart, ppq);
        double after = elapsed - firstPass;
        long k = (long) Math.floor(after / loopSeconds);
        double rest = after - k * loopSeconds;
        double tick = tempo.tickAt(tempo.seconds(loopStart, ppq) + rest, ppq);
        return new Position((int) Math.min(Integer.MAX_VALUE, k + 1), Math.min(tick, loopEnd));
    }

    /** The moment the playhead reaches {@code tick} in the first pass (ticks before the anchor: the count-in). */
    public long microsAt(double tick) {
        if (tick < anchorTick) {
            return anchorMicros - Math.round((anchorTick - tick) * 60e6 / (tempo.bpmAt(anchorTick) * ppq * tempoFactor));
        }
        double seconds = tempo.seconds((long) Math.floor(tick), ppq)
                + (tick - Math.floor(tick)) * 60.0 / (tempo.bpmAt((long) Math.floor(tick)) * ppq);
        return anchorMicros + Math.round((seconds - tempo.seconds(anchorTick, ppq)) / tempoFactor * 1e6);
    }
}

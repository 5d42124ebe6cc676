package org.melodist.song;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** Tempo changes in tick order, always starting at tick 0; converts ticks to seconds. */
public record TempoMap(List<TempoChange> changes) {

    public static final double DEFAULT_BPM = 120.0;

    public TempoMap {
        // one change per tick (the last given wins), sorted, and a tempo in force from tick 0
        TreeMap<Long, TempoChange> byTick = new TreeMap<>();
        for (TempoChange c : changes) {
            byTick.put(c.tick(), c);
        }
        if (byTick.isEmpty() || byTick.firstKey() != 0L) {
            byTick.put(0L, new TempoChange(0, byTick.isEmpty() ? DEFAULT_BPM : byTick.firstEntry().getValue().bpm()));
        }
        changes = List.copyOf(byTick.values());
    }

    public static TempoMap constant(double bpm) {
        return new TempoMap(List.of(new TempoChange(0, bpm)));
    }

    public static TempoMap of(Collection<TempoChange> changes) {
        return new TempoMap(new ArrayList<>(changes));
    }

    public double initialBpm() {
        return changes.get(0).bpm();
    }

    public double bpmAt(long tick) {
        double bpm = changes.get(0).bpm();
        for (TempoChange c : changes) {
            if (c.tick() > tick) break;
            bpm = c.bpm();
        }
        return bpm;
    }

    /** Seconds from the start of the song to {@code tick}, integrating over the tempo changes. */
    public double seconds(long tick, int ppq) {
        double seconds = 0;
        for (int i = 0; i < changes.size(); i++) {
            TempoChange c = changes.get(i);
            if (c.tick() >= tick) break;
            long segmentEnd = i + 1 < changes.size() ? Math.min(tick, changes.get(i + 1).tick()) : tick;
            seconds += (segmentEnd - c.tick()) * 60.0 / (c.bpm() * ppq);
        }
        return seconds;
    }

    /** The tick reached after {@code seconds} of playback (the inverse of {@link #seconds}). */
    public double tickAt(double seconds, int ppq) {
        double elapsed = 0;
        for (int i = 0; i < changes.size(); i++) {
            TempoChange c = changes.get(i);
            double secondsPerTick = 60.0 / (c.bpm() * ppq);
            if (i + 1 < changes.size()) {
                long next = changes.get(i + 1).tick();
                double segment = (next - c.tick()) * secondsPerTick;
                if (elapsed + segment > seconds) {
                    return c.tick() + (seconds - elapsed) / secondsPerTick;
                }
                elapsed += segment;
            } else {
                return c.tick() + (seconds - elapsed) / secondsPerTick;
            }
        }
        throw new IllegalStateException("tempo map is empty");
    }

    public TempoMap withChange(TempoChange change) {
        List<TempoChange> all = new ArrayList<>(changes);
        all.add(change);
        return new TempoMap(all);
    }
}

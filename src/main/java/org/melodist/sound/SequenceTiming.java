package org.melodist.sound;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

/**
 * Converts the ticks of a {@link Sequence} to microseconds from its own set-tempo events (in any track),
 * exactly as a sequencer would play them: 120 BPM until the first tempo event.
 */
public final class SequenceTiming {

    private static final int META_TEMPO = 0x51;
    private static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

    private final long[] ticks;
    private final double[] startMicros;
    private final double[] microsPerTick;

    public SequenceTiming(Sequence seq) {
        TreeMap<Long, Integer> tempos = new TreeMap<>();
        for (Track t : seq.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                MidiEvent e = t.get(i);
                if (e.getMessage() instanceof MetaMessage m && m.getType() == META_TEMPO && m.getData().length >= 3) {
                    byte[] d = m.getData();
                    tempos.put(e.getTick(), ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF));
                }
            }
        }
        boolean ppq = seq.getDivisionType() == Sequence.PPQ;
        double resolution = seq.getResolution();
        if (!ppq) {
            // SMPTE time: fixed ticks per second whatever the tempo events say
            double perTick = 1_000_000.0 / (seq.getDivisionType() * resolution);
            ticks = new long[] {0};
            startMicros = new double[] {0};
            microsPerTick = new double[] {perTick};
            return;
        }
        if (!tempos.containsKey(0L)) {
            tempos.put(0L, DEFAULT_MICROS_PER_QUARTER);
        }
        List<Long> tk = new ArrayList<>(tempos.keySet());
        ticks = new long[tk.size()];
        startMicros = new double[tk.size()];
        microsPerTick = new double[tk.size()];
        double elapsed = 0;
        for (int i = 0; i < tk.size(); i++) {
            ticks[i] = tk.get(i);
            if (i > 0) {
                elapsed += (ticks[i] - ticks[i - 1]) * microsPerTick[i - 1];
            }
            startMicros[i] = elapsed;
            microsPerTick[i] = tempos.get(ticks[i]) / resolution;
        }
    }

    public double micros(long tick) {
        int lo = 0;
        int hi = ticks.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ticks[mid] <= tick) lo = mid; else hi = mid - 1;
        }
        return startMicros[lo] + (tick - ticks[lo]) * microsPerTick[lo];
    }

    public double seconds(long tick) {
        return micros(tick) / 1_000_000.0;
    }
}

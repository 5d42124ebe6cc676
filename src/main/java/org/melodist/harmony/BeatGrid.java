package org.melodist.harmony;

import java.util.List;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * A melody on the quarter-note grid the harmony models use: beat {@code b} spans ticks
 * {@code [b*ppq, (b+1)*ppq)} from the start of the file, with its place in the bar and the model's input
 * features relative to the key.
 *
 * <p>Features per beat ({@link #FEATURES} numbers): the melody's pitch classes weighted by the share of the
 * beat they sound (relative to the tonic, 12); the pitch class sounding at the beat's start (12) or a rest
 * (1); whether a note starts on the beat (1); the quarter's index in the bar (8, one-hot, clipped); bar line
 * and half-bar line at the beat (2); quarters per bar 2, 3, 4 or other (4); compound metre (1); minor key
 * (1); before the first note and after the last (2); the bar's place in an eight-bar phrase counted from the
 * first full bar (8, one-hot).
 */
public record BeatGrid(int ppq, TimeSignature timeSignature, Key key, List<Note> melody, int beats,
                       float[][] features, int[] changeClass) {

    public static final int FEATURES = 52;
    /** Change classes for the transition model: a bar line at the beat, a half-bar line, anything else. */
    public static final int BAR = 0;
    public static final int HALF_BAR = 1;
    public static final int OTHER = 2;
    public static final int CHANGE_CLASSES = 3;

    private static final int PCS = 0;
    private static final int ONSET_PC = 12;
    private static final int REST = 24;
    private static final int NOTE_STARTS = 25;
    private static final int BAR_POSITION = 26;
    private static final int BAR_LINE = 34;
    private static final int HALF_BAR_LINE = 35;
    private static final int METRE = 36;
    private static final int COMPOUND = 40;
    private static final int MINOR = 41;
    private static final int BEFORE_FIRST = 42;
    private static final int AFTER_LAST = 43;
    private static final int PHRASE_BAR = 44;

    public BeatGrid {
        melody = List.copyOf(melody);
    }

    /** The grid up to the end of the melody (at least one beat); {@code melody} sorted, monophonic. */
    public static BeatGrid of(List<Note> melody, int ppq, TimeSignature ts, Key key) {
        long end = 0;
        for (Note n : melody) {
            end = Math.max(end, n.end());
        }
        int beats = (int) Math.max(1, (end + ppq - 1) / ppq);
        return of(melody, ppq, ts, key, beats);
    }

    public static BeatGrid of(List<Note> melody, int ppq, TimeSignature ts, Key key, int beats) {
        long ticksPerBar = ts.ticksPerBar(ppq);
        long half = ticksPerBar % 2 == 0 ? ticksPerBar / 2 : -1;
        int quarters = (int) Math.round(ticksPerBar / (double) ppq);
        int metreSlot = quarters == 2 ? 0 : quarters == 3 ? 1 : quarters == 4 ? 2 : 3;
        boolean compound = ts.denominator() >= 8 && ts.numerator() % 3 == 0 && ts.numerator() > 3;
        long firstStart = melody.isEmpty() ? 0 : melody.get(0).start();
        long lastEnd = 0;
        for (Note n : melody) {
            lastEnd = Math.max(lastEnd, n.end());
        }
        long firstFullBar = Math.floorDiv(firstStart + ticksPerBar - 1, ticksPerBar);
        float[][] f = new float[beats][FEATURES];
        int[] change = new int[beats];
        int tonic = key.tonic();
        int first = 0;
        for (int b = 0; b < beats; b++) {
            long b0 = (long) b * ppq;
            long b1 = b0 + ppq;
            float[] x = f[b];
            while (first < melody.size() && melody.get(first).end() <= b0) {
                first++;
            }
            int atStart = -1;
            boolean starts = false;
            for (int i = first; i < melody.size() && melody.get(i).start() < b1; i++) {
                Note n = melody.get(i);
                long overlap = Math.min(b1, n.end()) - Math.max(b0, n.start());
                int rel = Math.floorMod(n.pitch() - tonic, 12);
                if (overlap > 0) {
                    x[PCS + rel] += (float) overlap / ppq;
                }
                if (n.start() <= b0 && n.end() > b0) {
                    atStart = rel;
                    starts |= n.start() == b0;
                }
            }
            if (atStart >= 0) {
                x[ONSET_PC + atStart] = 1;
            } else {
                x[REST] = 1;
            }
            x[NOTE_STARTS] = starts ? 1 : 0;
            long inBar = Math.floorMod(b0, ticksPerBar);
            x[BAR_POSITION + (int) Math.min(7, inBar / ppq)] = 1;
            boolean barLine = inBar == 0;
            boolean halfLine = !barLine && half > 0 && inBar % half == 0;
            x[BAR_LINE] = barLine ? 1 : 0;
            x[HALF_BAR_LINE] = halfLine ? 1 : 0;
            x[METRE + metreSlot] = 1;
            x[COMPOUND] = compound ? 1 : 0;
            x[MINOR] = key.mode() == Key.Mode.MINOR ? 1 : 0;
            x[BEFORE_FIRST] = b1 <= firstStart ? 1 : 0;
            x[AFTER_LAST] = b0 >= lastEnd ? 1 : 0;
            x[PHRASE_BAR + (int) Math.floorMod(Math.floorDiv(b0, ticksPerBar) - firstFullBar, 8)] = 1;
            change[b] = barLine ? BAR : halfLine ? HALF_BAR : OTHER;
        }
        return new BeatGrid(ppq, ts, key, melody, beats, f, change);
    }

    /** The melody's pitch classes in beat {@code b} relative to the tonic, weighted by the share of the beat they sound. */
    public float pitchWeight(int b, int relativePc) {
        return features[b][PCS + relativePc];
    }
}

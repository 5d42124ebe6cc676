package org.melodist.harmony;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.melodist.song.Key;

/**
 * A harmonised melody: the chord of each beat, the same as spans of equal chords, and each beat's chord
 * probabilities, from which a span's alternatives are ranked.
 */
public final class Harmonization {

    /** A candidate chord for a span with its probability among all chords. */
    public record Alternative(Chord chord, double probability) {
    }

    private final BeatGrid grid;
    private final int[] beatChords;
    private final float[][] logProbabilities;
    private final List<ChordSpan> spans;

    /**
     * @param beatChords       absolute chord index per beat
     * @param logProbabilities per beat, the log-probability of each absolute chord index
     */
    Harmonization(BeatGrid grid, int[] beatChords, float[][] logProbabilities) {
        this.grid = grid;
        this.beatChords = beatChords.clone();
        this.logProbabilities = logProbabilities;
        List<ChordSpan> s = new ArrayList<>();
        int start = 0;
        for (int b = 1; b <= beatChords.length; b++) {
            if (b == beatChords.length || beatChords[b] != beatChords[start]) {
                s.add(new ChordSpan(start, b, Chord.ofIndex(beatChords[start])));
                start = b;
            }
        }
        this.spans = List.copyOf(s);
    }

    public BeatGrid grid() {
        return grid;
    }

    public Key key() {
        return grid.key();
    }

    /** The chord of each beat (N where none). */
    public Chord chordAt(int beat) {
        return Chord.ofIndex(beatChords[beat]);
    }

    public int[] beatChordIndices() {
        return beatChords.clone();
    }

    /** Runs of one chord, N runs included, covering every beat. */
    public List<ChordSpan> spans() {
        return spans;
    }

    /** The spans that carry a chord (no N). */
    public List<ChordSpan> chordSpans() {
        return spans.stream().filter(s -> !s.chord().isNone()).toList();
    }

    /**
     * The {@code n} likeliest chords for the span at {@code spanIndex} of {@link #spans()}: each chord scored
     * by the geometric mean of its per-beat probabilities over the span, normalised over all chords.
     */
    public List<Alternative> alternatives(int spanIndex, int n) {
        ChordSpan span = spans.get(spanIndex);
        return alternatives(span.startBeat(), span.endBeat(), n);
    }

    /**
     * The {@code n} likeliest chords for beats {@code [startBeat, endBeat)} (clipped to the melody's beats), as
     * {@link #alternatives(int, int)} ranks a span's: for a chord of the lane that was typed or resized.
     */
    public List<Alternative> alternatives(int startBeat, int endBeat, int n) {
        int from = Math.max(0, Math.min(startBeat, beatChords.length - 1));
        int to = Math.max(from + 1, Math.min(endBeat, beatChords.length));
        ChordSpan span = new ChordSpan(from, to, Chord.NONE);
        int k = Chord.VOCABULARY;
        double[] score = new double[k];
        for (int b = span.startBeat(); b < span.endBeat(); b++) {
            float[] lp = logProbabilities[b];
            for (int c = 0; c < k; c++) {
                score[c] += lp[c];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            score[c] /= span.beats();
            max = Math.max(max, score[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            score[c] = Math.exp(score[c] - max);
            sum += score[c];
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) order[c] = c;
        double[] p = score;
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -p[c]).thenComparingInt(c -> c));
        List<Alternative> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, k); i++) {
            out.add(new Alternative(Chord.ofIndex(order[i]), p[order[i]] / sum));
        }
        return out;
    }

    /** The {@code n} likeliest chords of beat {@code beat}, for top-n accuracy. */
    public int[] topChords(int beat, int n) {
        float[] lp = logProbabilities[beat];
        Integer[] order = new Integer[lp.length];
        for (int c = 0; c < lp.length; c++) order[c] = c;
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -lp[c]).thenComparingInt(c -> c));
        int[] out = new int[Math.min(n, lp.length)];
        for (int i = 0; i < out.length; i++) out[i] = order[i];
        return out;
    }

    /** Log-probability of absolute chord {@code index} at {@code beat}. */
    public float logProbability(int beat, int index) {
        return logProbabilities[beat][index];
    }
}

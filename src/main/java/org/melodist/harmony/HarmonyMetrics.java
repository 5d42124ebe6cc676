package org.melodist.harmony;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.melodist.song.Note;

/**
 * The harmony metrics of Yeh et al. (2021, "Automatic melody harmonization with triad chords"), computed for
 * one tune from its melody and a chord per beat, so the same numbers can be had for human and model chords.
 *
 * @param chordEntropy   chord histogram entropy (nats) over the beats that carry a chord
 * @param chordCoverage  number of distinct chords used
 * @param ctnctr         chord-tone to non-chord-tone ratio: (chord tones + non-chord tones within two
 *                       semitones of the next note) / all melody notes under a chord; 1 is best
 * @param pcs            pitch consonance score per 16th note: the melody against each chord tone, +1 for
 *                       unison, thirds, fifth, sixths, 0 for the fourth, -1 otherwise; averaged
 * @param mctd           melody-chord tonal distance: Euclidean distance between the tonal centroids
 *                       (Harte et al. 2006) of each melody note and its chord, weighted by duration; lower is closer
 */
public record HarmonyMetrics(double chordEntropy, double chordCoverage, double ctnctr, double pcs, double mctd) {

    private static final double[][] CENTROIDS = new double[12][];

    static {
        for (int pc = 0; pc < 12; pc++) {
            CENTROIDS[pc] = new double[] {
                Math.sin(pc * 7 * Math.PI / 6), Math.cos(pc * 7 * Math.PI / 6),
                Math.sin(pc * 3 * Math.PI / 2), Math.cos(pc * 3 * Math.PI / 2),
                0.5 * Math.sin(pc * 2 * Math.PI / 3), 0.5 * Math.cos(pc * 2 * Math.PI / 3)};
        }
    }

    /** {@code chords[b]} is the chord of beat {@code b} (beats of {@code ppq} ticks); notes outside the beats count as under N. */
    public static HarmonyMetrics of(List<Note> melody, int ppq, Chord[] chords) {
        int[] hist = new int[Chord.VOCABULARY];
        int labelled = 0;
        Set<Integer> distinct = new HashSet<>();
        for (Chord c : chords) {
            if (!c.isNone()) {
                hist[c.index()]++;
                labelled++;
                distinct.add(c.index());
            }
        }
        double entropy = 0;
        for (int h : hist) {
            if (h > 0) {
                double p = (double) h / labelled;
                entropy -= p * Math.log(p);
            }
        }
        int chordTones = 0;
        int nonChord = 0;
        int proper = 0;
        double tdSum = 0;
        double tdWeight = 0;
        for (int i = 0; i < melody.size(); i++) {
            Note n = melody.get(i);
            Chord c = chordAtTick(chords, ppq, n.start());
            if (c.isNone()) continue;
            if (c.contains(n.pitch())) {
                chordTones++;
            } else {
                nonChord++;
                if (i + 1 < melody.size()) {
                    int step = Math.abs(melody.get(i + 1).pitch() - n.pitch());
                    if (step > 0 && step <= 2) proper++;
                }
            }
            double w = Math.max(1, n.duration());
            tdSum += w * tonalDistance(n.pitch(), c);
            tdWeight += w;
        }
        long step = Math.max(1, ppq / 4);
        double pcsSum = 0;
        int pcsSteps = 0;
        for (Note n : melody) {
            for (long t = n.start(); t < n.end(); t += step) {
                Chord c = chordAtTick(chords, ppq, t);
                if (c.isNone()) continue;
                int[] pcs = c.pitchClasses();
                double s = 0;
                for (int pc : pcs) {
                    int iv = Math.floorMod(n.pitch() - pc, 12);
                    s += switch (iv) {
                        case 0, 3, 4, 7, 8, 9 -> 1;
                        case 5 -> 0;
                        default -> -1;
                    };
                }
                pcsSum += s / pcs.length;
                pcsSteps++;
            }
        }
        int notes = chordTones + nonChord;
        return new HarmonyMetrics(entropy, distinct.size(),
                notes == 0 ? Double.NaN : (double) (chordTones + proper) / notes,
                pcsSteps == 0 ? Double.NaN : pcsSum / pcsSteps,
                tdWeight == 0 ? Double.NaN : tdSum / tdWeight);
    }

    private static Chord chordAtTick(Chord[] chords, int ppq, long tick) {
        long b = tick / ppq;
        return b < chords.length ? chords[(int) b] : Chord.NONE;
    }

    static double tonalDistance(int pitch, Chord chord) {
        int[] pcs = chord.pitchClasses();
        double[] centroid = new double[6];
        for (int pc : pcs) {
            for (int d = 0; d < 6; d++) centroid[d] += CENTROIDS[pc][d] / pcs.length;
        }
        double[] note = CENTROIDS[Math.floorMod(pitch, 12)];
        double s = 0;
        for (int d = 0; d < 6; d++) {
            double diff = note[d] - centroid[d];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    /** The mean of each metric over tunes (NaN values, e.g. a tune with no chords, left out). */
    public static HarmonyMetrics mean(List<HarmonyMetrics> all) {
        double[] sum = new double[5];
        int[] n = new int[5];
        for (HarmonyMetrics m : all) {
            double[] v = {m.chordEntropy, m.chordCoverage, m.ctnctr, m.pcs, m.mctd};
            for (int i = 0; i < 5; i++) {
                if (!Double.isNaN(v[i])) {
                    sum[i] += v[i];
                    n[i]++;
                }
            }
        }
        double[] m = new double[5];
        for (int i = 0; i < 5; i++) m[i] = n[i] == 0 ? Double.NaN : sum[i] / n[i];
        return new HarmonyMetrics(m[0], m[1], m[2], m[3], m[4]);
    }
}

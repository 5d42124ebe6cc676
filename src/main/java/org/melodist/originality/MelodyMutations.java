package org.melodist.originality;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Altered copies of melodies, as a copyist or a folk variant would make them: moved to another key, notes
 * inserted (splitting a note in two), deleted (the previous note held on) or changed in pitch. Used to build
 * planted copies and synthetic corpora for tests and benchmarks.
 */
public final class MelodyMutations {

    private MelodyMutations() {
    }

    /** Every pitch moved by {@code semitones} (kept within MIDI's 0-127 by octaves). */
    public static Melody transpose(Melody m, int semitones) {
        int[] p = m.pitches();
        for (int i = 0; i < p.length; i++) {
            int v = p[i] + semitones;
            while (v > 127) v -= 12;
            while (v < 0) v += 12;
            p[i] = v;
        }
        return new Melody(m.name(), p, m.onsets(), m.durations());
    }

    /** {@code edits} random single-note edits (insert, delete or change, equally likely), never at the first note. */
    public static Melody edit(Melody m, int edits, Random rng) {
        List<int[]> notes = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            notes.add(new int[] {m.pitch(i), m.onset(i), m.duration(i)});
        }
        for (int e = 0; e < edits && notes.size() > 3; e++) {
            int i = 1 + rng.nextInt(notes.size() - 2);
            int[] n = notes.get(i);
            switch (rng.nextInt(3)) {
                case 0 -> { // insert: split note i in two, the second half at a nearby pitch
                    int half = Math.max(1, n[2] / 2);
                    int pitch = clamp(n[0] + (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextInt(4)));
                    notes.set(i, new int[] {n[0], n[1], half});
                    notes.add(i + 1, new int[] {pitch, n[1] + half, Math.max(1, n[2] - half)});
                }
                case 1 -> { // delete: the previous note is held through
                    int[] prev = notes.get(i - 1);
                    notes.set(i - 1, new int[] {prev[0], prev[1], n[1] + n[2] - prev[1]});
                    notes.remove(i);
                }
                default -> { // change the pitch by 1-4 semitones
                    n[0] = clamp(n[0] + (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextInt(4)));
                }
            }
        }
        int[] p = new int[notes.size()];
        int[] o = new int[notes.size()];
        int[] d = new int[notes.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = notes.get(i)[0];
            o[i] = notes.get(i)[1];
            d[i] = notes.get(i)[2];
        }
        return new Melody(m.name(), p, o, d);
    }

    private static int clamp(int pitch) {
        return Math.max(0, Math.min(127, pitch));
    }
}

package org.melodist.harmony;

import java.util.ArrayList;
import java.util.List;

/**
 * Held-out figures of a harmoniser: per-beat chord accuracy in the majmin vocabulary (N + 24 triads,
 * sevenths folded to their triad) and in the full one, majmin top-3 accuracy from the per-beat chord
 * probabilities, and the {@link HarmonyMetrics} averaged over tunes.
 */
public record HarmonyEvaluation(String name, int tunes, long beats, double majminAccuracy, double majminTop3,
                                double fullAccuracy, HarmonyMetrics metrics, double millisPerTune) {

    public static HarmonyEvaluation of(Harmonizer h, List<LabelledTune> tunes) {
        long beats = 0;
        long majmin = 0;
        long top3 = 0;
        long full = 0;
        List<HarmonyMetrics> metrics = new ArrayList<>();
        long nanos = 0;
        for (LabelledTune t : tunes) {
            long t0 = System.nanoTime();
            Harmonization r = h.harmonize(t.grid());
            nanos += System.nanoTime() - t0;
            Chord[] chords = new Chord[t.beats()];
            for (int b = 0; b < t.beats(); b++) {
                Chord truth = Chord.ofIndex(t.labels()[b]);
                Chord guess = r.chordAt(b);
                chords[b] = guess;
                beats++;
                if (truth.index() == guess.index()) full++;
                if (truth.majminIndex() == guess.majminIndex()) majmin++;
                if (inMajminTop(r, b, truth.majminIndex(), 3)) top3++;
            }
            metrics.add(HarmonyMetrics.of(t.grid().melody(), t.grid().ppq(), chords));
        }
        return new HarmonyEvaluation(h.name(), tunes.size(), beats, (double) majmin / beats, (double) top3 / beats,
                (double) full / beats, HarmonyMetrics.mean(metrics), nanos / 1e6 / Math.max(1, tunes.size()));
    }

    /** The human chords' metrics on the same tunes. */
    public static HarmonyMetrics human(List<LabelledTune> tunes) {
        List<HarmonyMetrics> metrics = new ArrayList<>();
        for (LabelledTune t : tunes) {
            Chord[] chords = new Chord[t.beats()];
            for (int b = 0; b < t.beats(); b++) chords[b] = Chord.ofIndex(t.labels()[b]);
            metrics.add(HarmonyMetrics.of(t.grid().melody(), t.grid().ppq(), chords));
        }
        return HarmonyMetrics.mean(metrics);
    }

    /** True when {@code majmin} is among the {@code n} likeliest majmin classes of beat {@code b}. */
    static boolean inMajminTop(Harmonization r, int b, int majmin, int n) {
        double[] p = new double[Chord.MAJMIN_VOCABULARY];
        for (int c = 0; c < Chord.VOCABULARY; c++) {
            p[Chord.ofIndex(c).majminIndex()] += Math.exp(r.logProbability(b, c));
        }
        int better = 0;
        for (int c = 0; c < p.length; c++) {
            if (p[c] > p[majmin] || (p[c] == p[majmin] && c < majmin)) better++;
        }
        return better < n;
    }
}

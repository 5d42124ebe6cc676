package org.melodist.analysis;

import org.melodist.song.Key;

/**
 * The key of a recording.
 *
 * <p>{@link #estimate(double[][], Evidence)} (what the analysis uses) sums two kinds of pitch-class evidence: the
 * STFT chroma (librosa's chroma_stft, tuned, each frame scaled to its maximum) and {@link KeyChroma}'s peaks of
 * the harmonic part (HPSS), tuned and log-compressed against the loudest frame, so sustained notes (present in
 * many frames) count more than loud attacks. Each key is scored by two correlations: that sum with the
 * Albrecht-Shanahan profile of the key, and the bass peaks (E1-C4) with a profile of the roots a key's harmony
 * puts in the bass, at half weight; so major against minor is decided by melody and bass together. The
 * confidence combines the winner's lead over the runner-up, how well it fits at all, and how many 20-second
 * stretches of the file agree with the overall key, so it falls for music that modulates or has no tonal centre.
 * The weights were chosen on renders of Nottingham folk tunes with known key signatures (see evaluate-key).
 *
 * <p>{@link #estimate(double[][])} is the textbook Krumhansl-Schmuckler method on the mean STFT chroma (one
 * correlation with the Krumhansl-Kessler profiles), kept as the baseline that {@code evaluate-key} compares with.
 */
public final class KeyEstimator {

    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    /** Albrecht and Shanahan (2013), pitch-class distributions of a corpus of classical pieces. */
    private static final double[] ALBRECHT_SHANAHAN_MAJOR = {0.238, 0.006, 0.111, 0.006, 0.137, 0.094, 0.016, 0.214,
        0.009, 0.080, 0.008, 0.081};
    private static final double[] ALBRECHT_SHANAHAN_MINOR = {0.220, 0.006, 0.104, 0.123, 0.019, 0.103, 0.012, 0.214,
        0.062, 0.022, 0.061, 0.052};
    /**
     * Roots in the bass: tonic, dominant and subdominant first, then the other diatonic roots (major: ii, vi,
     * iii; minor: III, VI, VII), chromatic pitches rarely. Set by hand from common-practice harmony.
     */
    private static final double[] BASS_MAJOR = {5, 0, 1.5, 0, 1, 3, 0, 4, 0, 1.5, 0, 0.3};
    private static final double[] BASS_MINOR = {5, 0, 0.8, 1.5, 0, 3, 0, 4, 1.5, 0, 1, 0.3};
    /** Weight of the bass correlation against the treble one. */
    private static final double BASS_WEIGHT = 0.5;
    /** Weight of the harmonic peak chroma beside the STFT chroma. */
    private static final double PEAK_WEIGHT = 0.5;
    /** Log compression of the peak chroma: log(1 + GAMMA * x / loudest). */
    private static final double GAMMA = 1;
    private static final double SEGMENT_SECONDS = 20;

    /**
     * Key evidence of a recording: per frame, 12 treble then 12 bass pitch-class values (row 0 = C).
     *
     * @param frames     per frame, 24 values
     * @param hopSeconds time between frames
     */
    public record Evidence(float[][] frames, double hopSeconds) {
    }

    /**
     * @param key         the best-matching key
     * @param correlation its Pearson correlation with the profile, in [-1, 1]
     * @param confidence  how clearly it wins, in [0, 1]: the best correlation's lead over the runner-up, scaled
     *                    so a lead of 0.2 or more (a clear tonal centre) reads as 1
     * @param runnerUp    the second-best key
     */
    public record KeyEstimate(Key key, double correlation, double confidence, Key runnerUp) {
    }

    /** Estimates the key from chroma rows (row 0 = C), averaging each row over frames. */
    public KeyEstimate estimate(double[][] chroma) {
        double[] mean = new double[12];
        for (int c = 0; c < 12; c++) {
            mean[c] = Stats.mean(chroma[c]);
        }
        return estimateFromMean(mean);
    }

    public KeyEstimate estimateFromMean(double[] meanChroma) {
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        Key bestKey = new Key(0, Key.Mode.MAJOR);
        Key secondKey = bestKey;
        for (Key.Mode mode : Key.Mode.values()) {
            double[] profile = mode == Key.Mode.MAJOR ? MAJOR : MINOR;
            for (int tonic = 0; tonic < 12; tonic++) {
                double[] rotated = new double[12];
                for (int pc = 0; pc < 12; pc++) {
                    rotated[pc] = profile[Math.floorMod(pc - tonic, 12)];
                }
                double r = pearson(meanChroma, rotated);
                Key k = new Key(tonic, mode);
                if (r > best) {
                    second = best;
                    secondKey = bestKey;
                    best = r;
                    bestKey = k;
                } else if (r > second) {
                    second = r;
                    secondKey = k;
                }
            }
        }
        if (!Double.isFinite(best)) {
            return new KeyEstimate(bestKey, 0, 0, secondKey);
        }
        double lead = best - second;
        double confidence = Math.max(0, Math.min(1, lead / 0.2));
        return new KeyEstimate(bestKey, best, confidence, secondKey);
    }

    /**
     * The key from the STFT chroma rows (row 0 = C, as {@link FeatureExtractor} computes them) together with the
     * harmonic peak evidence (see the class comment).
     */
    public KeyEstimate estimate(double[][] chroma, Evidence evidence) {
        float[][] f = evidence.frames();
        int n = Math.min(f.length, chroma[0].length);
        double trebleMax = 0;
        double bassMax = 0;
        for (int t = 0; t < n; t++) {
            for (int c = 0; c < 12; c++) {
                trebleMax = Math.max(trebleMax, f[t][c]);
                bassMax = Math.max(bassMax, f[t][12 + c]);
            }
        }
        int perSegment = Math.max(1, (int) Math.round(SEGMENT_SECONDS / evidence.hopSeconds()));
        int segments = Math.max(1, (n + perSegment - 1) / perSegment);
        double[][] stft = new double[segments][12];
        double[][] treble = new double[segments][12];
        double[][] bass = new double[segments][12];
        for (int t = 0; t < n; t++) {
            int s = t / perSegment;
            for (int c = 0; c < 12; c++) {
                stft[s][c] += chroma[c][t];
                treble[s][c] += trebleMax > 0 ? Math.log1p(GAMMA * f[t][c] / trebleMax) : 0;
                bass[s][c] += bassMax > 0 ? Math.log1p(GAMMA * f[t][12 + c] / bassMax) : 0;
            }
        }
        double[] allStft = new double[12];
        double[] allTreble = new double[12];
        double[] allBass = new double[12];
        for (int s = 0; s < segments; s++) {
            for (int c = 0; c < 12; c++) {
                allStft[c] += stft[s][c];
                allTreble[c] += treble[s][c];
                allBass[c] += bass[s][c];
            }
        }
        double[] scores = scores(combine(allStft, allTreble), allBass);
        int best = argmax(scores, -1);
        int second = argmax(scores, best);
        if (!Double.isFinite(scores[best])) {
            return new KeyEstimate(keyOf(best), 0, 0, keyOf(second));
        }
        // a file that keeps one key throughout agrees with itself in every stretch; one that modulates does not
        int agree = 0;
        int counted = 0;
        for (int s = 0; s < segments; s++) {
            double[] local = scores(combine(stft[s], treble[s]), bass[s]);
            int b = argmax(local, -1);
            if (Double.isFinite(local[b])) {
                counted++;
                agree += b == best ? 1 : 0;
            }
        }
        double agreement = counted == 0 ? 0 : (double) agree / counted;
        double total = 1 + BASS_WEIGHT;
        double lead = (scores[best] - scores[second]) / total;
        double clarity = Math.max(0, Math.min(1, lead / 0.1));
        // a weak best fit (flat or atonal chroma) caps the confidence too
        double fit = Math.max(0, Math.min(1, scores[best] / (total * 0.8)));
        double confidence = clarity * (0.5 + 0.5 * agreement) * fit;
        return new KeyEstimate(keyOf(best), scores[best] / total, confidence, keyOf(second));
    }

    /** The STFT chroma and the peak chroma, each as shares of its total, the peaks at half weight. */
    private static double[] combine(double[] stft, double[] peaks) {
        double a = 0;
        double b = 0;
        for (int c = 0; c < 12; c++) {
            a += stft[c];
            b += peaks[c];
        }
        double[] out = new double[12];
        for (int c = 0; c < 12; c++) {
            out[c] = (a > 0 ? stft[c] / a : 0) + PEAK_WEIGHT * (b > 0 ? peaks[c] / b : 0);
        }
        return out;
    }

    /** Scores of the 24 keys: index tonic for major, 12 + tonic for minor. */
    private static double[] scores(double[] treble, double[] bass) {
        double[] out = new double[24];
        for (int mode = 0; mode < 2; mode++) {
            double[] as = mode == 0 ? ALBRECHT_SHANAHAN_MAJOR : ALBRECHT_SHANAHAN_MINOR;
            double[] bp = mode == 0 ? BASS_MAJOR : BASS_MINOR;
            for (int tonic = 0; tonic < 12; tonic++) {
                double a = pearson(treble, rotate(as, tonic));
                double c = pearson(bass, rotate(bp, tonic));
                // a band without any energy says nothing: leave it out rather than sink every key
                double score = (Double.isFinite(a) ? a : 0) + BASS_WEIGHT * (Double.isFinite(c) ? c : 0);
                out[mode * 12 + tonic] = Double.isFinite(a) || Double.isFinite(c) ? score : Double.NEGATIVE_INFINITY;
            }
        }
        return out;
    }

    private static double[] rotate(double[] profile, int tonic) {
        double[] r = new double[12];
        for (int pc = 0; pc < 12; pc++) {
            r[pc] = profile[Math.floorMod(pc - tonic, 12)];
        }
        return r;
    }

    private static int argmax(double[] v, int skip) {
        int best = skip == 0 ? 1 : 0;
        for (int i = 0; i < v.length; i++) {
            if (i != skip && v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Key keyOf(int index) {
        return new Key(index % 12, index < 12 ? Key.Mode.MAJOR : Key.Mode.MINOR);
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Stats.mean(a);
        double mb = Stats.mean(b);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        double den = Math.sqrt(da * db);
        return den == 0 ? Double.NEGATIVE_INFINITY : num / den;
    }
}

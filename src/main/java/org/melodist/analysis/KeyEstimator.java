package org.melodist.analysis;

import org.melodist.song.Key;

/**
 * Key by the Krumhansl-Schmuckler method: Pearson correlation of the mean chroma vector with the
 * Krumhansl-Kessler major and minor probe-tone profiles rotated to each of the 12 tonics.
 */
public final class KeyEstimator {

    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

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

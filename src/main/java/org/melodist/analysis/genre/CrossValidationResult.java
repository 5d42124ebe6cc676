package org.melodist.analysis.genre;

import java.util.Arrays;
import java.util.List;

/**
 * What k-fold cross-validation measured for one model: the pooled confusion matrix (rows: true genre,
 * columns: predicted genre), the accuracy of each fold, and how long all folds took.
 */
public record CrossValidationResult(GenreModelKind kind, List<String> genres, int[][] confusion,
        double[] foldAccuracies, double seconds) {

    public CrossValidationResult {
        genres = List.copyOf(genres);
        confusion = Arrays.stream(confusion).map(int[]::clone).toArray(int[][]::new);
        foldAccuracies = foldAccuracies.clone();
    }

    @Override
    public int[][] confusion() {
        return Arrays.stream(confusion).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public double[] foldAccuracies() {
        return foldAccuracies.clone();
    }

    /** Fraction of all rows predicted correctly when each was in the test fold. */
    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion[t].length; p++) {
                all += confusion[t][p];
                if (t == p) {
                    right += confusion[t][p];
                }
            }
        }
        return all == 0 ? 0 : (double) right / all;
    }

    /** Standard deviation of the fold accuracies (ddof 1), to show how much the figure moves. */
    public double foldAccuracyStdDev() {
        int n = foldAccuracies.length;
        if (n < 2) {
            return 0;
        }
        double mean = Arrays.stream(foldAccuracies).average().orElse(0);
        double ss = Arrays.stream(foldAccuracies).map(a -> (a - mean) * (a - mean)).sum();
        return Math.sqrt(ss / (n - 1));
    }

    /** For each genre, the fraction of its rows predicted as that genre (recall). */
    public double[] perClassAccuracy() {
        double[] out = new double[confusion.length];
        for (int t = 0; t < confusion.length; t++) {
            int total = Arrays.stream(confusion[t]).sum();
            out[t] = total == 0 ? 0 : (double) confusion[t][t] / total;
        }
        return out;
    }
}

package org.melodist.analysis.genre;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Splits row indices into k folds with each class spread as evenly as possible over the folds, shuffled
 * by a fixed seed so a run can be repeated exactly.
 */
final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /** {@code result[f]} are the test rows of fold f; every row is in exactly one fold. */
    static int[][] split(int[] classes, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
        if (folds > classes.length) {
            throw new IllegalArgumentException(folds + " folds need at least " + folds + " rows, have " + classes.length);
        }
        int numClasses = 0;
        for (int c : classes) {
            numClasses = Math.max(numClasses, c + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < classes.length; i++) {
            byClass.get(classes[i]).add(i);
        }
        Random random = new Random(seed);
        List<List<Integer>> foldRows = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            foldRows.add(new ArrayList<>());
        }
        // Deal each class round-robin, continuing where the previous class stopped, so fold sizes differ
        // by at most one row even when class sizes are not multiples of k.
        int next = 0;
        for (List<Integer> rows : byClass) {
            Collections.shuffle(rows, random);
            for (int row : rows) {
                foldRows.get(next).add(row);
                next = (next + 1) % folds;
            }
        }
        int[][] out = new int[folds][];
        for (int f = 0; f < folds; f++) {
            out[f] = foldRows.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }

    /** All rows not in {@code test}. */
    static int[] complement(int[] test, int n) {
        boolean[] inTest = new boolean[n];
        for (int i : test) {
            inTest[i] = true;
        }
        int[] train = new int[n - test.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!inTest[i]) {
                train[k++] = i;
            }
        }
        return train;
    }
}

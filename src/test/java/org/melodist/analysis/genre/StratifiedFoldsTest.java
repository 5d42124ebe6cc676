package org.melodist.analysis.genre;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

    @Test
    void everyRowIsTestedOnceAndClassesSpreadEvenly() {
        Random r = new Random(1);
        int[] classes = new int[537];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = r.nextInt(4) == 0 ? 3 : r.nextInt(3);
        }
        int k = 10;
        int[][] folds = StratifiedFolds.split(classes, k, 42);
        int[] seen = new int[classes.length];
        for (int[] fold : folds) {
            for (int i : fold) {
                seen[i]++;
            }
            assertTrue(fold.length == classes.length / k || fold.length == classes.length / k + 1, "" + fold.length);
        }
        assertTrue(Arrays.stream(seen).allMatch(c -> c == 1));
        for (int c = 0; c < 4; c++) {
            int cls = c;
            long total = Arrays.stream(classes).filter(x -> x == cls).count();
            for (int[] fold : folds) {
                long inFold = Arrays.stream(fold).filter(i -> classes[i] == cls).count();
                assertTrue(Math.abs(inFold - total / (double) k) <= 1, "class " + c + ": " + inFold + " of " + total);
            }
        }
        int[] train = StratifiedFolds.complement(folds[0], classes.length);
        assertEquals(classes.length - folds[0].length, train.length);
        assertFalse(Arrays.stream(train).anyMatch(i -> Arrays.binarySearch(folds[0], i) >= 0));
    }

    @Test
    void theSeedFixesTheFolds() {
        int[] classes = new int[100];
        Arrays.setAll(classes, i -> i % 5);
        assertArrayEquals(StratifiedFolds.split(classes, 5, 3), StratifiedFolds.split(classes, 5, 3));
        assertFalse(Arrays.deepEquals(StratifiedFolds.split(classes, 5, 3), StratifiedFolds.split(classes, 5, 4)));
        assertThrows(IllegalArgumentException.class, () -> StratifiedFolds.split(classes, 1, 3));
    }
}

package org.melodist.analysis.genre;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeatureScalerTest {

    @Test
    void standardisesWithPopulationVariance() {
        double[][] rows = {{1, 10, 5}, {3, 20, 5}, {5, 60, 5}};
        FeatureScaler s = FeatureScaler.fit(rows);
        assertArrayEquals(new double[] {3, 30, 5}, s.means(), 1e-12);
        // ddof 0: sqrt(((1-3)^2 + 0 + (5-3)^2) / 3)
        assertEquals(Math.sqrt(8.0 / 3), s.scales()[0], 1e-12);
        // A constant feature maps to 0 rather than dividing by zero.
        assertEquals(1.0, s.scales()[2], 0.0);
        double[][] z = s.transform(rows);
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            double sq = 0;
            for (double[] r : z) {
                mean += r[j] / 3;
                sq += r[j] * r[j] / 3;
            }
            assertEquals(0, mean, 1e-12);
            assertEquals(j == 2 ? 0 : 1, sq, 1e-12);
        }
    }

    @Test
    void appliesTrainingParametersToUnseenRows() {
        FeatureScaler s = FeatureScaler.of(new double[] {2, -1}, new double[] {4, 0.5});
        assertArrayEquals(new double[] {2, 4}, s.transform(new double[] {10, 1}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> s.transform(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> FeatureScaler.of(new double[] {0}, new double[] {0}));
    }
}

package org.melodist.analysis.genre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GenrePredictionTest {

    private static final List<String> GENRES = List.of("blues", "jazz", "rock");

    @Test
    void averagingWindowsWeighsEachWindowEqually() {
        GenrePrediction a = GenrePrediction.of(GENRES, new double[] {0.7, 0.2, 0.1});
        GenrePrediction b = GenrePrediction.of(GENRES, new double[] {0.1, 0.3, 0.6});
        GenrePrediction c = GenrePrediction.of(GENRES, new double[] {0.1, 0.4, 0.5});
        assertEquals("blues", a.label());
        assertEquals("rock", b.label());
        GenrePrediction mean = GenrePrediction.average(List.of(a, b, c));
        assertEquals(0.3, mean.probability("blues"), 1e-12);
        assertEquals(0.3, mean.probability("jazz"), 1e-12);
        assertEquals(0.4, mean.probability("rock"), 1e-12);
        assertEquals("rock", mean.label());
        assertEquals(GENRES, List.copyOf(mean.probabilities().keySet()));
        assertEquals(1.0, mean.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    }

    @Test
    void aMajorityOfWindowsDoesNotOutvoteConfidence() {
        // Two windows lean slightly to jazz, one is sure of blues: the average, not a vote, decides.
        GenrePrediction lean1 = GenrePrediction.of(GENRES, new double[] {0.3, 0.4, 0.3});
        GenrePrediction lean2 = GenrePrediction.of(GENRES, new double[] {0.3, 0.4, 0.3});
        GenrePrediction sure = GenrePrediction.of(GENRES, new double[] {0.98, 0.01, 0.01});
        assertEquals("blues", GenrePrediction.average(List.of(lean1, lean2, sure)).label());
    }

    @Test
    void invalidCombinationsAreRefused() {
        GenrePrediction a = GenrePrediction.of(GENRES, new double[] {0.7, 0.2, 0.1});
        GenrePrediction other = GenrePrediction.of(List.of("pop", "jazz", "rock"), new double[] {0.7, 0.2, 0.1});
        assertThrows(IllegalArgumentException.class, () -> GenrePrediction.average(List.of()));
        assertThrows(IllegalArgumentException.class, () -> GenrePrediction.average(List.of(a, other)));
        assertThrows(IllegalArgumentException.class, () -> GenrePrediction.of(GENRES, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> a.probability("metal"));
        assertThrows(IllegalArgumentException.class, () -> new GenrePrediction("metal", Map.of("rock", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> new WindowedGenrePrediction(List.of(), a));
    }
}

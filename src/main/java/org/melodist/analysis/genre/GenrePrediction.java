package org.melodist.analysis.genre;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One genre estimate: the most probable genre and the probability of every genre the model knows, in the
 * model's genre order, summing to 1.
 */
public record GenrePrediction(String label, Map<String, Double> probabilities) {

    public GenrePrediction {
        if (probabilities.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one genre");
        }
        if (!probabilities.containsKey(label)) {
            throw new IllegalArgumentException("label '" + label + "' is not among " + probabilities.keySet());
        }
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    /** Builds a prediction whose label is the most probable genre (the first one on ties). */
    public static GenrePrediction of(List<String> genres, double[] probabilities) {
        if (genres.size() != probabilities.length) {
            throw new IllegalArgumentException(genres.size() + " genres but " + probabilities.length + " probabilities");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < probabilities.length; i++) {
            map.put(genres.get(i), probabilities[i]);
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new GenrePrediction(genres.get(best), map);
    }

    /**
     * The mean of several predictions over the same genres, genre by genre: how the windows of a long
     * recording are combined into one estimate, each window counting equally.
     */
    public static GenrePrediction average(List<GenrePrediction> predictions) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("nothing to average: no predictions");
        }
        List<String> genres = List.copyOf(predictions.get(0).probabilities().keySet());
        double[] sum = new double[genres.size()];
        for (GenrePrediction p : predictions) {
            if (!List.copyOf(p.probabilities().keySet()).equals(genres)) {
                throw new IllegalArgumentException("predictions over different genres cannot be averaged");
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p.probabilities().get(genres.get(i));
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= predictions.size();
        }
        return of(genres, sum);
    }

    public double probability(String genre) {
        Double p = probabilities.get(genre);
        if (p == null) {
            throw new IllegalArgumentException("unknown genre '" + genre + "'; known: " + probabilities.keySet());
        }
        return p;
    }
}

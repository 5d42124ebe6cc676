package org.melodist.harmony;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What rebuilds the chord network before its parameters load, the decoder's settings, and a record of the
 * training run. Stored as {@code config.json} in the model folder, beside the parameters and the
 * transition table.
 *
 * @param emissionWeight how much the network's log-posteriors count against the transition model in Viterbi
 * @param priorWeight    how much of the log chord prior is taken off the posteriors before decoding (0 = none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HarmonyModelConfig(String format, int features, int vocabulary, int hidden, int layers, float dropout,
                                 double emissionWeight, double priorWeight, String parameters, String transitions,
                                 Map<String, Object> training) {

    public static final String FORMAT = "melodist-harmony-bilstm-1";

    public HarmonyModelConfig {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format '" + format + "' is not " + FORMAT);
        }
        if (features != BeatGrid.FEATURES || vocabulary != Chord.VOCABULARY) {
            throw new IllegalArgumentException("the model has " + features + " features and " + vocabulary
                    + " chords; this Melodist uses " + BeatGrid.FEATURES + " and " + Chord.VOCABULARY);
        }
        if (hidden < 1 || hidden > 2048 || layers < 1 || layers > 6) {
            throw new IllegalArgumentException("sizes out of range: hidden " + hidden + ", layers " + layers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout " + dropout + " is outside [0, 1)");
        }
        for (String f : new String[] {parameters, transitions}) {
            if (f == null || f.isBlank() || f.contains("/") || f.contains("\\")) {
                throw new IllegalArgumentException("file name '" + f + "' is missing or not a plain name");
            }
        }
        training = training == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(training));
    }

    public static HarmonyModelConfig of(int hidden, int layers, float dropout) {
        return new HarmonyModelConfig(FORMAT, BeatGrid.FEATURES, Chord.VOCABULARY, hidden, layers, dropout, 1.0, 0.0,
                "harmony.params", "transitions.json", Map.of());
    }

    public HarmonyModelConfig withDecoder(double newEmissionWeight, double newPriorWeight) {
        return new HarmonyModelConfig(format, features, vocabulary, hidden, layers, dropout, newEmissionWeight, newPriorWeight,
                parameters, transitions, training);
    }

    public HarmonyModelConfig withTraining(Map<String, Object> newTraining) {
        return new HarmonyModelConfig(format, features, vocabulary, hidden, layers, dropout, emissionWeight, priorWeight,
                parameters, transitions, newTraining);
    }
}

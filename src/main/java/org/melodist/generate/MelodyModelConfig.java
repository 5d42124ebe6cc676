package org.melodist.generate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to rebuild the network before its parameters are loaded, plus a record of how it was
 * trained. Stored as {@code config.json} beside the parameters file. {@code endHorizon} (absent in models without it)
 * gives the network an input saying how many steps remain to the end of the continuation being written. {@code members}
 * (absent: 1) is how many LSTMs side by side share {@code embedding} and {@code hidden} equally, each reading its own
 * share of the embedding (see {@link MelodyEnsemble}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MelodyModelConfig(String format, int vocabularySize, int minPitch, int maxPitch, int stepsPerQuarter,
                                int maxBarPositions, int embedding, int hidden, int layers, float dropout,
                                String parameters, Map<String, Object> training, Integer endHorizon, Integer members) {

    public static final String FORMAT = "melodist-melody-lstm-1";

    public MelodyModelConfig {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format '" + format + "' is not " + FORMAT);
        }
        MelodyEncoding enc = new MelodyEncoding(minPitch, maxPitch, stepsPerQuarter, maxBarPositions);
        if (vocabularySize != enc.vocabularySize()) {
            throw new IllegalArgumentException("vocabulary size " + vocabularySize + " does not match the pitch range (" + enc.vocabularySize() + ")");
        }
        if (embedding < 1 || embedding > 4096 || hidden < 1 || hidden > 4096 || layers < 1 || layers > 8) {
            throw new IllegalArgumentException("sizes out of range: embedding " + embedding + ", hidden " + hidden + ", layers " + layers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout " + dropout + " is outside [0, 1)");
        }
        if (parameters == null || parameters.isBlank() || parameters.contains("/") || parameters.contains("\\")) {
            throw new IllegalArgumentException("parameters file name '" + parameters + "' is missing or not a plain name");
        }
        training = training == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(training));
        if (endHorizon != null && (endHorizon < 1 || endHorizon > 1024)) {
            throw new IllegalArgumentException("end horizon " + endHorizon + " is outside 1..1024");
        }
        if (members != null && (members < 1 || members > 16 || embedding % members != 0 || hidden % members != 0)) {
            throw new IllegalArgumentException(members + " members cannot share embedding " + embedding + " and hidden " + hidden + " equally");
        }
        members = members == null || members == 1 ? null : members;
    }

    /** A config of one LSTM, with or without the steps-to-the-end input. */
    public MelodyModelConfig(String format, int vocabularySize, int minPitch, int maxPitch, int stepsPerQuarter, int maxBarPositions,
                             int embedding, int hidden, int layers, float dropout, String parameters, Map<String, Object> training,
                             Integer endHorizon) {
        this(format, vocabularySize, minPitch, maxPitch, stepsPerQuarter, maxBarPositions, embedding, hidden, layers, dropout, parameters,
                training, endHorizon, null);
    }

    /** A config without the steps-to-the-end input, as every model before it had. */
    public MelodyModelConfig(String format, int vocabularySize, int minPitch, int maxPitch, int stepsPerQuarter, int maxBarPositions,
                             int embedding, int hidden, int layers, float dropout, String parameters, Map<String, Object> training) {
        this(format, vocabularySize, minPitch, maxPitch, stepsPerQuarter, maxBarPositions, embedding, hidden, layers, dropout, parameters,
                training, null, null);
    }

    /** How many LSTMs side by side the network has: 1 unless members were joined. */
    @JsonIgnore
    public int memberCount() {
        return members == null ? 1 : members;
    }

    /** This config with {@code n} members side by side and these (total) sizes. */
    public MelodyModelConfig withMembers(int n, int totalEmbedding, int totalHidden) {
        return new MelodyModelConfig(format, vocabularySize, minPitch, maxPitch, stepsPerQuarter, maxBarPositions,
                totalEmbedding, totalHidden, layers, dropout, parameters, training, endHorizon, n);
    }

    /** This config with the network built at dropout rate {@code rate}. */
    public MelodyModelConfig withDropout(float rate) {
        return new MelodyModelConfig(format, vocabularySize, minPitch, maxPitch, stepsPerQuarter, maxBarPositions,
                embedding, hidden, layers, rate, parameters, training, endHorizon, members);
    }

    /** Steps to the end the network tells apart (the input is absent when 0): see {@link MelodyNet}. */
    @JsonIgnore
    public int endSteps() {
        return endHorizon == null ? 0 : endHorizon;
    }

    /** This config with the steps-to-the-end input over {@code horizon} steps. */
    public MelodyModelConfig withEndHorizon(int horizon) {
        return new MelodyModelConfig(format, vocabularySize, minPitch, maxPitch, stepsPerQuarter, maxBarPositions,
                embedding, hidden, layers, dropout, parameters, training, horizon, members);
    }

    public static MelodyModelConfig of(MelodyEncoding enc, int embedding, int hidden, int layers, float dropout) {
        return new MelodyModelConfig(FORMAT, enc.vocabularySize(), enc.minPitch(), enc.maxPitch(), enc.stepsPerQuarter(),
                enc.maxBarPositions(), embedding, hidden, layers, dropout, "melody-lstm.params", Map.of());
    }

    @JsonIgnore
    public MelodyEncoding encoding() {
        return new MelodyEncoding(minPitch, maxPitch, stepsPerQuarter, maxBarPositions);
    }

    public MelodyModelConfig withTraining(Map<String, Object> newTraining) {
        return new MelodyModelConfig(format, vocabularySize, minPitch, maxPitch, stepsPerQuarter, maxBarPositions,
                embedding, hidden, layers, dropout, parameters, newTraining, endHorizon, members);
    }
}

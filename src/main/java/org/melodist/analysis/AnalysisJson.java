package org.melodist.analysis;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.melodist.analysis.genre.GenrePrediction;

/**
 * The stable JSON shape of an analysis: {@code durationSec}, {@code sourceSampleRate}, {@code tempoBpm},
 * {@code beats}, {@code key}, {@code features} (CSV column names), {@code genre} when a model is installed,
 * and {@code frames} when asked for; {@code damage} only for a damaged or cut-short file (how much was analysed).
 */
public final class AnalysisJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisJson() {
    }

    public static String toJson(AudioAnalysis a, GenreWindows.Result genre, boolean frames) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("durationSec", a.durationSec());
        root.put("sourceSampleRate", Math.round(a.sourceSampleRate()));
        root.put("sourceChannels", a.sourceChannels());
        root.put("sourceFormat", a.sourceFormat());
        if (a.damage() != null) {
            root.put("damage", a.damage());
        }
        root.put("tempoBpm", a.tempoBpm());
        ArrayNode beats = root.putArray("beats");
        for (double b : a.beatTimes()) {
            beats.add(b);
        }
        ObjectNode key = root.putObject("key");
        key.put("name", a.key().key().toString());
        key.put("tonic", a.key().key().tonicName());
        key.put("mode", a.key().key().mode().name().toLowerCase(java.util.Locale.ROOT));
        key.put("correlation", a.key().correlation());
        key.put("confidence", a.key().confidence());
        key.put("runnerUp", a.key().runnerUp().toString());
        ObjectNode features = root.putObject("features");
        a.features().forEach(features::put);
        if (genre != null) {
            ObjectNode g = root.putObject("genre");
            prediction(g, genre.prediction().combined());
            ArrayNode windows = g.putArray("windows");
            for (int i = 0; i < genre.windows().size(); i++) {
                ObjectNode w = windows.addObject();
                w.put("startSec", genre.windows().get(i).startSec());
                w.put("endSec", genre.windows().get(i).endSec());
                prediction(w, genre.prediction().windows().get(i));
            }
        }
        if (frames) {
            FrameFeatures f = a.frames();
            ObjectNode fr = root.putObject("frames");
            fr.put("hopSeconds", f.hopSeconds());
            fr.put("chromaTuning", f.chromaTuning());
            series(fr, "spectral_centroid", f.spectralCentroid());
            series(fr, "spectral_bandwidth", f.spectralBandwidth());
            series(fr, "rolloff", f.rolloff());
            series(fr, "zero_crossing_rate", f.zeroCrossingRate());
            series(fr, "rms", f.rms());
            series(fr, "onset_strength", f.onsetStrength());
            matrix(fr, "mfcc", f.mfcc());
            matrix(fr, "chroma_stft", f.chroma());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("JSON encoding failed", e);
        }
    }

    private static void prediction(ObjectNode node, GenrePrediction p) {
        node.put("label", p.label());
        ObjectNode probs = node.putObject("probabilities");
        for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
            probs.put(e.getKey(), e.getValue());
        }
    }

    private static void series(ObjectNode node, String name, double[] values) {
        ArrayNode a = node.putArray(name);
        for (double v : values) {
            a.add(v);
        }
    }

    private static void matrix(ObjectNode node, String name, double[][] rows) {
        ArrayNode a = node.putArray(name);
        for (double[] row : rows) {
            ArrayNode r = a.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
    }
}

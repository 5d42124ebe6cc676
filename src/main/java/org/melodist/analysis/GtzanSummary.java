package org.melodist.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GTZAN-style summary vector: exactly the feature columns of {@code features_30_sec.csv}, in header order
 * (everything between {@code filename} and {@code label}). Each {@code _mean}/{@code _var} is over every value
 * of the feature matrix (numpy's flattening; chroma over all 12 rows), variance with ddof 0, in double
 * precision; {@code length} is the number of 22,050 Hz samples; {@code tempo} is beat_track's BPM.
 */
public final class GtzanSummary {

    /** The CSV's feature columns, in order. */
    public static final List<String> COLUMNS = columns();

    private GtzanSummary() {
    }

    public static LinkedHashMap<String, Double> of(FrameFeatures f, double tempoBpm) {
        LinkedHashMap<String, Double> v = new LinkedHashMap<>();
        v.put("length", (double) f.length());
        put(v, "chroma_stft", Stats.meanVar(f.chroma()));
        put(v, "rms", Stats.meanVar(f.rms()));
        put(v, "spectral_centroid", Stats.meanVar(f.spectralCentroid()));
        put(v, "spectral_bandwidth", Stats.meanVar(f.spectralBandwidth()));
        put(v, "rolloff", Stats.meanVar(f.rolloff()));
        put(v, "zero_crossing_rate", Stats.meanVar(f.zeroCrossingRate()));
        put(v, "harmony", new double[] {f.harmonyMean(), f.harmonyVar()});
        put(v, "perceptr", new double[] {f.perceptrMean(), f.perceptrVar()});
        v.put("tempo", tempoBpm);
        for (int i = 0; i < FeatureExtractor.N_MFCC; i++) {
            put(v, "mfcc" + (i + 1), Stats.meanVar(f.mfcc()[i]));
        }
        if (!v.keySet().stream().toList().equals(COLUMNS)) {
            throw new IllegalStateException("summary columns out of step with the CSV header");
        }
        return v;
    }

    private static void put(Map<String, Double> v, String name, double[] meanVar) {
        v.put(name + "_mean", meanVar[0]);
        v.put(name + "_var", meanVar[1]);
    }

    private static List<String> columns() {
        List<String> c = new java.util.ArrayList<>();
        c.add("length");
        for (String s : new String[] {"chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff",
                "zero_crossing_rate", "harmony", "perceptr"}) {
            c.add(s + "_mean");
            c.add(s + "_var");
        }
        c.add("tempo");
        for (int i = 1; i <= FeatureExtractor.N_MFCC; i++) {
            c.add("mfcc" + i + "_mean");
            c.add("mfcc" + i + "_var");
        }
        return List.copyOf(c);
    }
}

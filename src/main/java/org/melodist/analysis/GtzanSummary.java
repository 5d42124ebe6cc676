package org.melodist.analysis;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** The vector of the whole recording, exactly as librosa computes it on the whole file. */
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
        return checked(v);
    }

    /**
     * The vector of one stretch of a longer recording, samples [fromSample, toSample), from the whole file's
     * frame series: frames whose centre lies in the stretch, harmonic/percussive moments over its hops, tempo
     * re-estimated on its onset envelope. It differs from analysing the stretch as a file of its own only at
     * the stretch's edges (two frames of padding) and in the MFCCs' 80 dB floor, which is set by the whole
     * file's loudest frame; GTZAN's clips were likewise cut from longer recordings.
     */
    public static LinkedHashMap<String, Double> ofStretch(FrameFeatures f, int fromSample, int toSample) {
        int[] frames = frameRange(f, fromSample, toSample);
        double[] onset = Arrays.copyOfRange(f.onsetStrength(), frames[0], frames[1]);
        return ofStretch(f, fromSample, toSample, new TempoEstimator(f.sampleRate(), f.hop()).tempo(onset));
    }

    /** The frames {t0, t1} whose centres lie in samples [fromSample, toSample): the stretch's frame series. */
    static int[] frameRange(FrameFeatures f, int fromSample, int toSample) {
        int t0 = (fromSample + f.hop() - 1) / f.hop();
        int t1 = Math.min(f.frames(), (toSample + f.hop() - 1) / f.hop());
        if (t1 <= t0) {
            throw new IllegalArgumentException("empty stretch " + fromSample + ".." + toSample);
        }
        return new int[] {t0, t1};
    }

    /**
     * As {@link #ofStretch(FrameFeatures, int, int)} with the stretch's tempo already estimated (by
     * {@link TempoEstimator#tempos}, which shares most of its tempogram with the whole file's).
     */
    static LinkedHashMap<String, Double> ofStretch(FrameFeatures f, int fromSample, int toSample, double tempo) {
        int[] frames = frameRange(f, fromSample, toSample);
        int t0 = frames[0];
        int t1 = frames[1];
        LinkedHashMap<String, Double> v = new LinkedHashMap<>();
        v.put("length", (double) (Math.min(toSample, f.length()) - fromSample));
        put(v, "chroma_stft", Stats.meanVar(slice(f.chroma(), t0, t1)));
        put(v, "rms", Stats.meanVar(Arrays.copyOfRange(f.rms(), t0, t1)));
        put(v, "spectral_centroid", Stats.meanVar(Arrays.copyOfRange(f.spectralCentroid(), t0, t1)));
        put(v, "spectral_bandwidth", Stats.meanVar(Arrays.copyOfRange(f.spectralBandwidth(), t0, t1)));
        put(v, "rolloff", Stats.meanVar(Arrays.copyOfRange(f.rolloff(), t0, t1)));
        put(v, "zero_crossing_rate", Stats.meanVar(Arrays.copyOfRange(f.zeroCrossingRate(), t0, t1)));
        put(v, "harmony", f.harmonyBlocks().meanVar(fromSample, toSample));
        put(v, "perceptr", f.perceptrBlocks().meanVar(fromSample, toSample));
        v.put("tempo", tempo);
        for (int i = 0; i < FeatureExtractor.N_MFCC; i++) {
            put(v, "mfcc" + (i + 1), Stats.meanVar(Arrays.copyOfRange(f.mfcc()[i], t0, t1)));
        }
        return checked(v);
    }

    private static double[][] slice(double[][] m, int t0, int t1) {
        double[][] s = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            s[i] = Arrays.copyOfRange(m[i], t0, t1);
        }
        return s;
    }

    private static LinkedHashMap<String, Double> checked(LinkedHashMap<String, Double> v) {
        if (!List.copyOf(v.keySet()).equals(COLUMNS)) {
            throw new IllegalStateException("summary columns out of step with the CSV header");
        }
        return v;
    }

    private static void put(Map<String, Double> v, String name, double[] meanVar) {
        v.put(name + "_mean", meanVar[0]);
        v.put(name + "_var", meanVar[1]);
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>();
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

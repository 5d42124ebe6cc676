package org.melodist.harmony;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The held-out comparison {@code evaluate-harmony} prints: the network and the HMM baseline, both trained on
 * the corpus's training tunes, scored on its validation tunes beside the human chords' metrics.
 *
 * @param hmm       the HMM with its emission weight chosen on the development tunes (as the network's decoder is)
 * @param hmmPlain  the same HMM with emission weight 1, the textbook model
 * @param hmmWeight the HMM's emission weight, chosen on the development tunes
 */
public record HarmonyComparison(HarmonyEvaluation model, HarmonyEvaluation hmm, HarmonyEvaluation hmmPlain, HarmonyMetrics human,
                                double hmmWeight) {

    private static final double[] HMM_WEIGHTS = {0.5, 1, 2};

    public static HarmonyComparison run(HarmonyCorpus corpus, HarmonyModel model) {
        if (corpus.validation().isEmpty()) {
            throw new IllegalArgumentException("the corpus has no validation tunes (a tenth of the files, chosen by a hash of the name)");
        }
        if (corpus.train().isEmpty()) {
            throw new IllegalArgumentException("the corpus has no training tunes for the HMM baseline");
        }
        HmmHarmonizer hmm = HmmHarmonizer.train(corpus.train());
        double bestW = 1;
        if (!corpus.dev().isEmpty()) {
            double best = -1;
            for (double w : HMM_WEIGHTS) {
                double acc = HarmonyEvaluation.of(hmm.withWeight(w), corpus.dev()).majminAccuracy();
                if (acc > best) {
                    best = acc;
                    bestW = w;
                }
            }
        }
        HarmonyEvaluation h = HarmonyEvaluation.of(hmm.withWeight(bestW), corpus.validation());
        HarmonyEvaluation plain = bestW == 1 ? h : HarmonyEvaluation.of(hmm.withWeight(1), corpus.validation());
        HarmonyEvaluation m = HarmonyEvaluation.of(new NeuralHarmonizer(model), corpus.validation());
        return new HarmonyComparison(m, h, plain, HarmonyEvaluation.human(corpus.validation()), bestW);
    }

    /** Model entropy over human entropy. */
    public double entropyRatio() {
        return model.metrics().chordEntropy() / human.chordEntropy();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tunes", model.tunes());
        root.put("beats", model.beats());
        root.put("model", evaluation(model));
        root.put("hmm", evaluation(hmm));
        root.put("hmmEmissionWeight", hmmWeight);
        root.put("hmmPlain", evaluation(hmmPlain));
        root.put("human", metrics(human));
        root.put("majminGainOverHmm", round(model.majminAccuracy() - hmm.majminAccuracy()));
        root.put("majminGainOverHmmPlain", round(model.majminAccuracy() - hmmPlain.majminAccuracy()));
        root.put("entropyRatio", round(entropyRatio()));
        return root;
    }

    private static Map<String, Object> evaluation(HarmonyEvaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("majminAccuracy", round(e.majminAccuracy()));
        m.put("majminTop3", round(e.majminTop3()));
        m.put("fullAccuracy", round(e.fullAccuracy()));
        m.putAll(metrics(e.metrics()));
        m.put("millisPerTune", round(e.millisPerTune()));
        return m;
    }

    private static Map<String, Object> metrics(HarmonyMetrics x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chordEntropy", round(x.chordEntropy()));
        m.put("chordCoverage", round(x.chordCoverage()));
        m.put("ctnctr", round(x.ctnctr()));
        m.put("pcs", round(x.pcs()));
        m.put("mctd", round(x.mctd()));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}

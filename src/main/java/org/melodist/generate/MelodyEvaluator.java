package org.melodist.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares the model with smoothed bigram and 4-gram baselines trained on a corpus's training split
 * (every fitting transposition, as the LSTM saw them): per-step NLL in nats and next-token accuracy.
 */
public final class MelodyEvaluator {

    /** The figures of one evaluation. */
    public record Evaluation(int tunes, long steps, MelodyScorer.Score model, MelodyScorer.Score bigram,
                             MelodyScorer.Score fourgram) {

        /** The JSON shape the CLI prints (stable for scripts). */
        public String toJson() {
            return String.format(Locale.ROOT,
                    "{\"tunes\":%d,\"steps\":%d,\"nll\":%s,\"accuracy\":%s,\"baselines\":{\"bigram\":{\"nll\":%s,\"accuracy\":%s},"
                            + "\"4gram\":{\"nll\":%s,\"accuracy\":%s}}}",
                    tunes, steps, num(model.nll()), num(model.accuracy()), num(bigram.nll()), num(bigram.accuracy()),
                    num(fourgram.nll()), num(fourgram.accuracy()));
        }

        private static String num(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5f", v) : "null";
        }
    }

    private MelodyEvaluator() {
    }

    /** N-gram baselines of order 2 and 4 trained on {@code training} in every fitting key. */
    public static List<NGramModel> trainBaselines(List<EncodedTune> training, MelodyEncoding enc) {
        NGramModel bigram = new NGramModel(2, enc.vocabularySize());
        NGramModel fourgram = new NGramModel(4, enc.vocabularySize());
        for (EncodedTune t : training) {
            for (EncodedTune k : MelodyCorpus.transpositions(t, enc)) {
                bigram.train(k.tokens());
                fourgram.train(k.tokens());
            }
        }
        return List.of(bigram, fourgram);
    }

    public static Evaluation evaluate(MelodyModel model, List<EncodedTune> tunes, List<NGramModel> baselines) {
        if (tunes.isEmpty()) {
            throw new IllegalArgumentException("no tunes to evaluate");
        }
        MelodyScorer.Score m = MelodyScorer.score(model, tunes);
        MelodyScorer.Score b = baselines.get(0).score(tunes);
        MelodyScorer.Score f = baselines.get(1).score(tunes);
        return new Evaluation(tunes.size(), m.steps(), m, b, f);
    }

    /** The tunes of a corpus selected by name: all of them, or only the fixed validation split. */
    public static List<EncodedTune> select(MelodyCorpus corpus, boolean validationOnly) {
        List<EncodedTune> out = new ArrayList<>(corpus.validation());
        if (!validationOnly) {
            out.addAll(corpus.train());
        }
        return out;
    }
}

package org.melodist.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Scores a model on whole tunes: summed negative log-likelihood and next-token hits over every step. */
public final class MelodyScorer {

    private static final int TUNES_PER_BATCH = 16;

    /** Totals over the scored steps. */
    public record Score(long steps, double nllSum, long correct) {
        public double nll() {
            return steps == 0 ? Double.NaN : nllSum / steps;
        }

        public double accuracy() {
            return steps == 0 ? Double.NaN : (double) correct / steps;
        }

        public Score plus(Score o) {
            return new Score(steps + o.steps, nllSum + o.nllSum, correct + o.correct);
        }
    }

    private MelodyScorer() {
    }

    public static Score score(MelodyModel model, List<EncodedTune> tunes) {
        Score total = new Score(0, 0, 0);
        for (SequenceBatch batch : wholeTuneBatches(tunes, model.encoding())) {
            total = total.plus(score(model, batch));
        }
        return total;
    }

    /**
     * {@code tunes} whole, in batches of up to {@value #TUNES_PER_BATCH} tunes of similar length (sorted by length,
     * so little is padding); empty tunes are left out.
     */
    static List<SequenceBatch> wholeTuneBatches(List<EncodedTune> tunes, MelodyEncoding enc) {
        List<EncodedTune> sorted = new ArrayList<>(tunes);
        sorted.sort(Comparator.comparingInt(EncodedTune::length));
        List<SequenceBatch> batches = new ArrayList<>();
        for (int b = 0; b < sorted.size(); b += TUNES_PER_BATCH) {
            List<SequenceBatch.Slice> slices = new ArrayList<>();
            for (EncodedTune t : sorted.subList(b, Math.min(sorted.size(), b + TUNES_PER_BATCH))) {
                if (t.length() > 0) {
                    slices.add(new SequenceBatch.Slice(t, 0, t.length()));
                }
            }
            if (!slices.isEmpty()) {
                batches.add(SequenceBatch.of(slices, enc));
            }
        }
        return batches;
    }

    static Score score(MelodyModel model, SequenceBatch batch) {
        try (NoGradScope noGrad = new NoGradScope(); NDManager m = model.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDList out = model.net().forward(ps, batch.modelInputs(m), false);
            NDArray logits = out.get(0);
            NDArray targets = batch.targets(m);
            NDArray mask = batch.mask(m);
            double nll = SequenceBatch.summedNll(logits, targets, mask).toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
            NDArray hits = logits.argMax(-1).eq(targets).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mul(mask);
            long correct = Math.round(hits.sum().getFloat());
            return new Score(batch.tokenCount(), nll, correct);
        }
    }
}

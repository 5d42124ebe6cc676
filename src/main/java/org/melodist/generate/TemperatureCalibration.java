package org.melodist.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Temperature scaling of a trained model: the one temperature {@code T} for which {@code softmax(logits / T)} gives
 * held-out tunes the lowest NLL, fitted after training and folded into the output layer (its weights and bias divided
 * by {@code T}), so that scoring, generating and further training all use it and a user's sampling temperature
 * multiplies it. A model that ends training over-confident (the fine-tuned styles do: {@code T} about 1.05-1.1)
 * spreads its probability a little wider; one scalar fitted on thousands of steps barely over-fits the validation
 * tunes it is fitted on. NLL is convex in {@code 1/T}, so a golden-section search finds the minimum.
 */
public final class TemperatureCalibration {

    /** The search range of the temperature. */
    static final double MIN_TEMPERATURE = 0.5;
    static final double MAX_TEMPERATURE = 3.0;
    private static final int ITERATIONS = 40;

    /** A fit: the temperature, and the per-step NLL of the tunes before and with it, over {@code steps} steps. */
    public record Fit(double temperature, double nllBefore, double nllAfter, long steps) {
    }

    private TemperatureCalibration() {
    }

    /** The temperature that minimises {@code model}'s NLL on {@code tunes} (whole tunes, batched as {@link MelodyScorer} scores them). */
    public static Fit fit(MelodyModel model, List<EncodedTune> tunes) {
        List<SequenceBatch> wholeTunes = MelodyScorer.wholeTuneBatches(tunes, model.encoding());
        if (wholeTunes.isEmpty()) {
            throw new IllegalArgumentException("no tunes to fit a temperature on");
        }
        try (NoGradScope noGrad = new NoGradScope(); NDManager m = model.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            List<NDArray[]> batches = new ArrayList<>();
            long steps = 0;
            for (SequenceBatch batch : wholeTunes) {
                NDList out = model.net().forward(ps, batch.modelInputs(m), false);
                batches.add(new NDArray[] {out.get(0), batch.targets(m), batch.mask(m)});
                steps += batch.tokenCount();
            }
            double before = nll(batches, 1.0) / steps;
            // golden-section search over beta = 1/T, where the NLL is convex
            double lo = 1 / MAX_TEMPERATURE;
            double hi = 1 / MIN_TEMPERATURE;
            double g = (Math.sqrt(5) - 1) / 2;
            double x1 = hi - g * (hi - lo);
            double x2 = lo + g * (hi - lo);
            double f1 = nll(batches, x1);
            double f2 = nll(batches, x2);
            for (int i = 0; i < ITERATIONS; i++) {
                if (f1 <= f2) {
                    hi = x2;
                    x2 = x1;
                    f2 = f1;
                    x1 = hi - g * (hi - lo);
                    f1 = nll(batches, x1);
                } else {
                    lo = x1;
                    x1 = x2;
                    f1 = f2;
                    x2 = lo + g * (hi - lo);
                    f2 = nll(batches, x2);
                }
            }
            double beta = f1 <= f2 ? x1 : x2;
            double after = Math.min(f1, f2) / steps;
            if (!(after < before)) {
                return new Fit(1.0, before, before, steps);
            }
            return new Fit(1 / beta, before, after, steps);
        }
    }

    /** Divides {@code model}'s output layer (weights and bias) by {@code temperature}: its logits become {@code logits / T}. */
    public static void fold(MelodyModel model, double temperature) {
        if (!(temperature >= MIN_TEMPERATURE && temperature <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("temperature " + temperature + " is outside " + MIN_TEMPERATURE + "-" + MAX_TEMPERATURE);
        }
        try (NoGradScope noGrad = new NoGradScope()) {
            model.net().scaleHead((float) (1 / temperature));
        }
    }

    /** Summed NLL of the cached logits scaled by {@code beta}. */
    private static double nll(List<NDArray[]> batches, double beta) {
        double sum = 0;
        for (NDArray[] b : batches) {
            try (NDManager scratch = b[0].getManager().newSubManager()) {
                NDArray scaled = b[0].mul((float) beta);
                scaled.attach(scratch);
                NDArray s = SequenceBatch.summedNll(scaled, b[1], b[2]);
                s.attach(scratch);
                sum += s.toType(DataType.FLOAT64, false).getDouble();
            }
        }
        return sum;
    }
}

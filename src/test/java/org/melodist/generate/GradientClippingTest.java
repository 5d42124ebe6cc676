package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Global-norm clipping on real gradients of the tiny model, with a finite and with an infinite entry. */
class GradientClippingTest {

    /** Gradients of the NLL of one scale tune; returns their global norm as computed here. */
    private static void backward(MelodyModel model) {
        for (var p : model.net().getParameters()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
        int[] tokens = new int[32];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i % 2 == 0 ? model.encoding().noteOn(60 + i % 7) : MelodyEncoding.HOLD;
        }
        SequenceBatch b = SequenceBatch.of(List.of(new SequenceBatch.Slice(new EncodedTune("t", tokens, 0, 16), 0, 32)), model.encoding());
        try (NDManager m = model.manager().newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = model.net().forward(new ParameterStore(m, false), b.modelInputs(m), false).get(0);
            gc.backward(SequenceBatch.summedNll(logits, b.targets(m), b.mask(m)));
        }
    }

    private static double[] gradientFigures(MelodyModel model) {
        double sumSquares = 0;
        boolean finite = true;
        for (var p : model.net().getParameters()) {
            try (NDManager scratch = model.manager().newSubManager()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scratch);
                for (float v : g.toFloatArray()) {
                    finite &= Float.isFinite(v);
                    sumSquares += (double) v * v;
                }
            }
        }
        return new double[] {Math.sqrt(sumSquares), finite ? 1 : 0};
    }

    @Test
    void aLargeNormIsScaledDownToTheLimit() throws IOException {
        try (MelodyModel model = MelodyModel.load(TinyMelodyModel.dir())) {
            backward(model);
            double before = gradientFigures(model)[0];
            assertTrue(before > 0.5, "the tune gives a real gradient: " + before);
            double norm = GradientClipping.clipGlobalNorm(model.manager(), model.net(), 0.25f);
            assertEquals(before, norm, before * 1e-4);
            assertEquals(0.25, gradientFigures(model)[0], 1e-3);
        }
    }

    @Test
    void anInfiniteGradientEntryLeavesZerosNotNaN() throws IOException {
        try (MelodyModel model = MelodyModel.load(TinyMelodyModel.dir())) {
            backward(model);
            var head = model.net().getParameters().get("05head_weight").getArray();
            try (NDManager scratch = model.manager().newSubManager()) {
                NDArray g = head.getGradient();
                g.attach(scratch);
                g.set(new NDIndex("0, 0"), Float.POSITIVE_INFINITY);
            }
            assertEquals(0, gradientFigures(model)[1], "the injected entry is there");
            double norm = GradientClipping.clipGlobalNorm(model.manager(), model.net(), 1f);
            assertFalse(Double.isFinite(norm), "the caller is told the norm was not finite");
            double[] after = gradientFigures(model);
            assertEquals(1, after[1], "no NaN or infinity is left for the optimiser (before: maxNorm/inf = 0 times inf gave NaN)");
            assertEquals(0, after[0], "the step is a no-op");
        }
    }
}

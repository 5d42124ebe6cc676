package org.melodist.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import java.util.ArrayList;
import java.util.List;

/** Global-norm gradient clipping for the project's DJL trainers (melody and harmony). */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Scales every gradient of {@code net} so that their joint L2 norm is at most {@code maxNorm}, and returns the norm
     * before scaling. A norm that is not finite (an infinite or NaN gradient somewhere) cannot be scaled: multiplying an
     * infinite entry by maxNorm/inf = 0 gives NaN, which the optimiser would write into the weights. Then every gradient
     * is set to zero instead, so the step changes nothing, and the caller sees the non-finite norm.
     * getGradient() hands out a new handle per call and square()/sum() allocate on the handle's manager:
     * left on the model's manager they stayed alive for the whole run, one parameter-sized array per
     * parameter per step (a hidden-512 run grew by ~12 MB/s until the kernel killed it). So the handles and
     * temporaries live in a scratch sub-manager of {@code manager}; closing it frees only the handles, the
     * parameters keep their gradients.
     */
    public static double clipGlobalNorm(NDManager manager, Block net, float maxNorm) {
        try (NDManager scratch = manager.newSubManager()) {
            List<NDArray> grads = new ArrayList<>();
            double sumSquares = 0;
            for (var p : net.getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scratch);
                grads.add(g);
                // in double: a float sum of squares overflows to infinity for entries above ~1.8e19
                sumSquares += g.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).square().sum().getDouble();
            }
            double norm = Math.sqrt(sumSquares);
            if (!Double.isFinite(norm)) {
                for (NDArray g : grads) {
                    g.set(new ai.djl.ndarray.index.NDIndex(":"), 0f); // in place: muli(0) would leave inf * 0 = NaN
                }
            } else if (maxNorm > 0 && norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray g : grads) {
                    g.muli(scale);
                }
            }
            return norm;
        }
    }

    /** Sets every gradient of {@code net} to zero, in place (handles in a scratch sub-manager, as above). */
    public static void zeroGradients(NDManager manager, Block net) {
        try (NDManager scratch = manager.newSubManager()) {
            for (var p : net.getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scratch);
                g.set(new ai.djl.ndarray.index.NDIndex(":"), 0f);
            }
        }
    }
}

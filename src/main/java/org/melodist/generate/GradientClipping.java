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
     * Scales every gradient of {@code net} so that their joint L2 norm is at most {@code maxNorm}.
     * getGradient() hands out a new handle per call and square()/sum() allocate on the handle's manager:
     * left on the model's manager they stayed alive for the whole run, one parameter-sized array per
     * parameter per step (a hidden-512 run grew by ~12 MB/s until the kernel killed it). So the handles and
     * temporaries live in a scratch sub-manager of {@code manager}; closing it frees only the handles, the
     * parameters keep their gradients.
     */
    public static void clipGlobalNorm(NDManager manager, Block net, float maxNorm) {
        try (NDManager scratch = manager.newSubManager()) {
            List<NDArray> grads = new ArrayList<>();
            double sumSquares = 0;
            for (var p : net.getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scratch);
                grads.add(g);
                sumSquares += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sumSquares);
            if (norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray g : grads) {
                    g.muli(scale);
                }
            }
        }
    }
}

package org.melodist.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;

/**
 * Joins N networks of the same sizes and vocabulary (typically copies of one model fine-tuned side by side with
 * different seeds) into one network N times as wide whose logits are the mean of the members' logits: the members'
 * embeddings are stacked, each LSTM gate's weights are block-diagonal (member k's units see only member k's inputs and
 * state), and the head averages the members' heads. Averaging logits (a product of experts) is the ensemble one network
 * can hold exactly, so the joined model scores, generates, calibrates and fine-tunes like any other; the members' units
 * never mix until a later fine-tune trains the zero blocks between them.
 */
public final class MelodyEnsemble {

    private static final int GATES = 4;

    private MelodyEnsemble() {
    }

    /** The joined network; the members are only read. */
    public static MelodyModel join(List<MelodyModel> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no members to join");
        }
        MelodyModelConfig c = members.get(0).config();
        for (MelodyModel m : members) {
            MelodyModelConfig o = m.config();
            if (o.embedding() != c.embedding() || o.hidden() != c.hidden() || o.layers() != c.layers()
                    || o.endSteps() != c.endSteps() || !o.encoding().equals(c.encoding())) {
                throw new IllegalArgumentException("members differ in sizes or vocabulary; only copies of one model can be joined");
            }
        }
        int n = members.size();
        MelodyModelConfig joinedConfig = new MelodyModelConfig(c.format(), c.vocabularySize(), c.minPitch(), c.maxPitch(),
                c.stepsPerQuarter(), c.maxBarPositions(), c.embedding() * n, c.hidden() * n, c.layers(), c.dropout(),
                c.parameters(), Map.of(), c.endHorizon());
        MelodyModel joined = MelodyModel.create(joinedConfig);
        try (NoGradScope noGrad = new NoGradScope()) {
            var target = joined.net().getParameters();
            for (int p = 0; p < target.size(); p++) {
                String name = target.get(p).getKey();
                float[][] parts = new float[n][];
                Shape memberShape = null;
                for (int k = 0; k < n; k++) {
                    NDArray a = members.get(k).net().getParameters().get(p).getValue().getArray();
                    parts[k] = a.toFloatArray();
                    memberShape = a.getShape();
                }
                NDArray out = target.get(p).getValue().getArray();
                out.set(joinParameter(name, memberShape, parts));
            }
        } catch (RuntimeException e) {
            joined.close();
            throw e;
        }
        return joined;
    }

    /** One joined parameter from the members' copies of it, by the role its name gives it. */
    static float[] joinParameter(String name, Shape memberShape, float[][] parts) {
        int n = parts.length;
        if (name.endsWith("Embedding_weight")) {
            return stackRows(parts);
        }
        if (name.endsWith("head_weight")) {
            return besideEachOther(parts, (int) memberShape.get(0), (int) memberShape.get(1), 1f / n);
        }
        if (name.endsWith("head_bias")) {
            float[] mean = new float[parts[0].length];
            for (float[] part : parts) {
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += part[i] / n;
                }
            }
            return mean;
        }
        if (name.contains("lstm") && (name.endsWith("WEIGHT") || name.endsWith("BIAS"))) {
            int rows = (int) memberShape.get(0);
            int cols = memberShape.dimension() > 1 ? (int) memberShape.get(1) : 1;
            return gateBlockDiagonal(parts, rows / GATES, cols);
        }
        throw new IllegalArgumentException("parameter " + name + " has no known place in a joined network");
    }

    /** Member k's rows follow member k-1's. */
    private static float[] stackRows(float[][] parts) {
        float[] out = new float[parts[0].length * parts.length];
        for (int k = 0; k < parts.length; k++) {
            System.arraycopy(parts[k], 0, out, k * parts[k].length, parts[k].length);
        }
        return out;
    }

    /** (rows x cols) matrices side by side into (rows x n*cols), each scaled by {@code scale}. */
    private static float[] besideEachOther(float[][] parts, int rows, int cols, float scale) {
        int n = parts.length;
        float[] out = new float[rows * cols * n];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < n; k++) {
                for (int c = 0; c < cols; c++) {
                    out[r * cols * n + k * cols + c] = parts[k][r * cols + c] * scale;
                }
            }
        }
        return out;
    }

    /**
     * An LSTM weight (4 gates x {@code units} rows, {@code cols} inputs) or bias ({@code cols} = 1): the joined network has
     * each gate's rows for member 0, then member 1, ...; member k's rows read only member k's block of the inputs (a bias,
     * having one column, is just regrouped).
     */
    private static float[] gateBlockDiagonal(float[][] parts, int units, int cols) {
        int n = parts.length;
        boolean bias = cols == 1 && parts[0].length == GATES * units;
        int joinedCols = bias ? 1 : cols * n;
        float[] out = new float[GATES * units * n * joinedCols];
        for (int g = 0; g < GATES; g++) {
            for (int k = 0; k < n; k++) {
                for (int r = 0; r < units; r++) {
                    int from = (g * units + r) * cols;
                    int row = g * units * n + k * units + r;
                    int to = row * joinedCols + (bias ? 0 : k * cols);
                    System.arraycopy(parts[k], from, out, to, cols);
                }
            }
        }
        return out;
    }
}

package org.melodist.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The network: token embedding plus bar-position embedding, a stacked LSTM, dropout and a linear head
 * over the vocabulary. Input {@code (tokens, positions[, h, c])}, both index arrays of shape (batch, time);
 * output {@code (logits, h, c)} so callers can carry the state from one step to the next.
 *
 * <p>The embeddings are bias-free linear maps of one-hot vectors: the same function as a lookup table,
 * built from blocks whose gradients DJL's PyTorch engine handles for certain.
 *
 * <p>A network whose config has an end horizon also takes the steps left to the end of the continuation being
 * written, {@code (tokens, positions, ends[, h, c])} (see {@link #endInput}): an embedding of that count is added to the
 * input. It starts at zero, so a model given it computes what it computed before until preference learning trains it;
 * without {@code ends} it is left out (whole tunes, whose end the writer does not aim at).
 */
final class MelodyNet extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int vocabulary;
    private final int positions;
    private final int hidden;
    private final int layers;
    private final Linear tokenEmbedding;
    private final Linear positionEmbedding;
    /** One LSTM per member (see {@link MelodyEnsemble}); member k reads the k-th share of the embedding. */
    private final List<LSTM> lstms = new ArrayList<>();
    private final Dropout dropout;
    private final Linear head;
    private final int endSteps;
    /**
     * The steps-to-the-end embedding's output is multiplied by this. It starts at zero and gets only a fine-tuning's
     * hundred-odd Adam steps, each moving a weight by about the learning rate whatever the gradient, while the trained
     * embeddings are of order 1: the factor gives it the pace of a fresh layer (an effective learning rate this many times
     * the shared one) without a second optimiser.
     */
    static final float END_INPUT_SCALE = 8f;
    private final Linear endEmbedding;

    MelodyNet(MelodyModelConfig config) {
        super(VERSION);
        this.vocabulary = config.vocabularySize();
        this.positions = config.maxBarPositions();
        this.hidden = config.hidden();
        this.layers = config.layers();
        tokenEmbedding = addChildBlock("tokenEmbedding", Linear.builder().setUnits(config.embedding()).optBias(false).build());
        positionEmbedding = addChildBlock("positionEmbedding", Linear.builder().setUnits(config.embedding()).optBias(false).build());
        int members = config.memberCount();
        for (int k = 0; k < members; k++) {
            // the first keeps the name a single network's LSTM has always had
            lstms.add(addChildBlock(k == 0 ? "lstm" : "lstm" + (k + 1), LSTM.builder().setNumLayers(layers).setStateSize(hidden / members)
                    .optBatchFirst(true).optReturnState(true).optDropRate(config.dropout()).build()));
        }
        dropout = addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        head = addChildBlock("head", Linear.builder().setUnits(vocabulary).build());
        // added last, so the parameters of a model without it keep their order and names
        this.endSteps = config.endSteps();
        endEmbedding = endSteps == 0 ? null
                : addChildBlock("endEmbedding", Linear.builder().setUnits(config.embedding()).optBias(false).build());
    }

    /** Steps to the end this network tells apart; 0 when it has no such input. */
    int endSteps() {
        return endSteps;
    }

    /**
     * The steps-to-the-end input of a step: 0 when the end is not known (the seed, whole tunes), else the steps left
     * counting this one (1 for the last step), capped at {@code horizon}.
     */
    static long endInput(long stepsLeft, int horizon) {
        return horizon == 0 || stepsLeft <= 0 ? 0 : Math.min(stepsLeft, horizon);
    }

    /** Sets the steps-to-the-end embedding to zero: the network then computes exactly what it did without it. */
    void zeroEndEmbedding() {
        if (endEmbedding != null) {
            NDArray w = endEmbedding.getParameters().get("weight").getArray();
            w.subi(w);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray tokens = inputs.get(0);
        NDArray pos = inputs.get(1);
        NDArray x = tokenEmbedding.forward(ps, new NDList(tokens.oneHot(vocabulary)), training).singletonOrThrow()
                .add(positionEmbedding.forward(ps, new NDList(pos.oneHot(positions)), training).singletonOrThrow());
        boolean withEnd = inputs.size() == 3 || inputs.size() == 5;
        if (withEnd && endEmbedding != null) {
            // one-hot over 0..endSteps without column 0: an unknown end (0) adds nothing
            NDArray oneHot = inputs.get(2).oneHot(endSteps + 1).get(":, :, 1:");
            x = x.add(endEmbedding.forward(ps, new NDList(oneHot), training).singletonOrThrow().mul(END_INPUT_SCALE));
        }
        int state = withEnd ? 3 : 2;
        NDList lstmOut = inputs.size() >= state + 2 ? lstms(ps, x, inputs.get(state), inputs.get(state + 1), training)
                : lstms(ps, x, null, null, training);
        NDArray y = dropout.forward(ps, new NDList(lstmOut.get(0)), training).singletonOrThrow();
        NDArray logits = head.forward(ps, new NDList(y), training).singletonOrThrow();
        return new NDList(logits, lstmOut.get(1), lstmOut.get(2));
    }

    /**
     * One inference step from an already embedded input {@code x} (batch, 1, embedding): the LSTM and the
     * head only. Dropout is the identity at inference, so this equals {@link #forward} on the same step.
     */
    NDList forwardEmbedded(ParameterStore ps, NDArray x, NDArray h, NDArray c) {
        NDList lstmOut = lstms(ps, x, h, c, false);
        NDArray logits = head.forward(ps, new NDList(lstmOut.get(0)), false).singletonOrThrow();
        return new NDList(logits, lstmOut.get(1), lstmOut.get(2));
    }

    /**
     * The members' LSTMs over their shares of {@code x} (and of the state {@code h}, {@code c}, when given): output and
     * state are the members' side by side, so callers see one LSTM of the whole width.
     */
    private NDList lstms(ParameterStore ps, NDArray x, NDArray h, NDArray c, boolean training) {
        if (lstms.size() == 1) {
            return lstms.get(0).forward(ps, h == null ? new NDList(x) : new NDList(x, h, c), training);
        }
        int n = lstms.size();
        NDList xs = x.split(n, 2);
        NDList hs = h == null ? null : h.split(n, 2);
        NDList cs = c == null ? null : c.split(n, 2);
        NDList outs = new NDList();
        NDList hOut = new NDList();
        NDList cOut = new NDList();
        for (int k = 0; k < n; k++) {
            NDList o = lstms.get(k).forward(ps, hs == null ? new NDList(xs.get(k)) : new NDList(xs.get(k), hs.get(k), cs.get(k)), training);
            outs.add(o.get(0));
            hOut.add(o.get(1));
            cOut.add(o.get(2));
        }
        return new NDList(NDArrays.concat(outs, 2), NDArrays.concat(hOut, 2), NDArrays.concat(cOut, 2));
    }

    /**
     * Sets this network's weights to the members' joined (see {@link MelodyEnsemble}): the embeddings stacked, each member's
     * LSTMs copied in order, the heads averaged. This network must have as many LSTMs as the members together.
     */
    void joinFrom(List<MelodyNet> members) {
        int n = members.size();
        setStacked(tokenEmbedding, members.stream().map(m -> m.tokenEmbedding).toList());
        setStacked(positionEmbedding, members.stream().map(m -> m.positionEmbedding).toList());
        if (endEmbedding != null) {
            setStacked(endEmbedding, members.stream().map(m -> m.endEmbedding).toList());
        }
        int t = 0;
        for (MelodyNet m : members) {
            for (LSTM member : m.lstms) {
                var from = member.getParameters().values();
                var to = lstms.get(t++).getParameters().values();
                for (int i = 0; i < from.size(); i++) {
                    from.get(i).getArray().copyTo(to.get(i).getArray());
                }
            }
        }
        NDArray w = head.getParameters().get("weight").getArray();
        NDArray b = head.getParameters().get("bias").getArray();
        int rows = (int) w.getShape().get(0);
        int cols = (int) (w.getShape().get(1) / n);
        float[] weight = new float[rows * cols * n];
        float[] bias = new float[rows];
        for (int k = 0; k < n; k++) {
            float[] mw = members.get(k).head.getParameters().get("weight").getArray().toFloatArray();
            float[] mb = members.get(k).head.getParameters().get("bias").getArray().toFloatArray();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(mw, r * cols, weight, r * cols * n + k * cols, cols);
                bias[r] += mb[r];
            }
        }
        for (int i = 0; i < weight.length; i++) {
            weight[i] /= n;
        }
        for (int r = 0; r < rows; r++) {
            bias[r] /= n;
        }
        w.set(weight);
        b.set(bias);
    }

    /** A bias-free linear map's weight (units x inputs) as the members' weights one under another. */
    private static void setStacked(Linear target, List<Linear> members) {
        NDArray w = target.getParameters().get("weight").getArray();
        float[] stacked = new float[Math.toIntExact(w.size())];
        int at = 0;
        for (Linear m : members) {
            float[] part = m.getParameters().get("weight").getArray().toFloatArray();
            System.arraycopy(part, 0, stacked, at, part.length);
            at += part.length;
        }
        w.set(stacked);
    }

    /** Multiplies the output layer's weights and bias by {@code factor}: the logits become {@code factor} times as large. */
    void scaleHead(float factor) {
        head.getParameters().get("weight").getArray().muli(factor);
        head.getParameters().get("bias").getArray().muli(factor);
    }

    /** The token embedding as rows of a (vocabulary x embedding) table, row-major. */
    float[] tokenEmbeddingTable() {
        return transposed(tokenEmbedding, vocabulary);
    }

    /** The steps-to-the-end embedding as rows for 1..endSteps steps left, row-major; empty without that input. */
    float[] endEmbeddingTable() {
        float[] table = endEmbedding == null ? new float[0] : transposed(endEmbedding, endSteps);
        for (int i = 0; i < table.length; i++) {
            table[i] *= END_INPUT_SCALE;
        }
        return table;
    }

    /** The bar-position embedding as rows of a (positions x embedding) table, row-major. */
    float[] positionEmbeddingTable() {
        return transposed(positionEmbedding, positions);
    }

    /** A bias-free linear map's weight (units x inputs) turned into one row per input. */
    private static float[] transposed(Linear linear, int inputs) {
        NDArray w = linear.getParameters().get("weight").getArray();
        int units = (int) w.getShape().get(0);
        float[] src = w.toFloatArray();
        float[] table = new float[inputs * units];
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < inputs; i++) {
                table[i * units + u] = src[u * inputs + i];
            }
        }
        return table;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        long time = inputShapes[0].get(1);
        Shape state = new Shape(layers, batch, hidden);
        return new Shape[] {new Shape(batch, time, vocabulary), state, state};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long time = inputShapes[0].get(1);
        tokenEmbedding.initialize(manager, dataType, new Shape(batch, time, vocabulary));
        positionEmbedding.initialize(manager, dataType, new Shape(batch, time, positions));
        Shape embedded = tokenEmbedding.getOutputShapes(new Shape[] {new Shape(batch, time, vocabulary)})[0];
        for (LSTM l : lstms) {
            l.initialize(manager, dataType, new Shape(batch, time, embedded.get(2) / lstms.size()));
        }
        Shape lstmOut = new Shape(batch, time, hidden);
        dropout.initialize(manager, dataType, lstmOut);
        head.initialize(manager, dataType, lstmOut);
        if (endEmbedding != null) {
            endEmbedding.initialize(manager, dataType, new Shape(batch, time, endSteps));
            zeroEndEmbedding();
        }
    }
}

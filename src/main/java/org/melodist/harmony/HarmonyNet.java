package org.melodist.harmony;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The chord network: a bidirectional stacked LSTM over the per-beat melody features, dropout and a linear
 * head over the key-relative chord vocabulary. Each layer is two one-way LSTMs, one reading the beats
 * forwards and one backwards (on the time-reversed sequence), their outputs joined: DJL 0.36's own
 * bidirectional LSTM hands its weights to PyTorch in an order PyTorch does not expect and fails on the first
 * forward pass. Input (batch, beats, {@link BeatGrid#FEATURES}); output the
 * logits (batch, beats, {@link Chord#VOCABULARY}).
 */
final class HarmonyNet extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int hidden;
    private final LSTM[] forwards;
    private final LSTM[] backwards;
    private final Dropout dropout;
    private final Linear head;

    HarmonyNet(HarmonyModelConfig config) {
        super(VERSION);
        this.hidden = config.hidden();
        forwards = new LSTM[config.layers()];
        backwards = new LSTM[config.layers()];
        for (int l = 0; l < config.layers(); l++) {
            forwards[l] = addChildBlock("forward" + l, LSTM.builder().setNumLayers(1).setStateSize(hidden).optBatchFirst(true).build());
            backwards[l] = addChildBlock("backward" + l, LSTM.builder().setNumLayers(1).setStateSize(hidden).optBatchFirst(true).build());
        }
        dropout = addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        head = addChildBlock("head", Linear.builder().setUnits(Chord.VOCABULARY).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray y = inputs.get(0);
        for (int l = 0; l < forwards.length; l++) {
            if (l > 0) {
                y = dropout.forward(ps, new NDList(y), training).singletonOrThrow();
            }
            NDArray f = forwards[l].forward(ps, new NDList(y), training).get(0);
            NDArray b = backwards[l].forward(ps, new NDList(y.flip(1)), training).get(0).flip(1);
            y = f.concat(b, -1);
        }
        y = dropout.forward(ps, new NDList(y), training).singletonOrThrow();
        return new NDList(head.forward(ps, new NDList(y), training).singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), Chord.VOCABULARY)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long time = inputShapes[0].get(1);
        Shape out = new Shape(batch, time, 2L * hidden);
        for (int l = 0; l < forwards.length; l++) {
            Shape in = l == 0 ? inputShapes[0] : out;
            forwards[l].initialize(manager, dataType, in);
            backwards[l].initialize(manager, dataType, in);
        }
        dropout.initialize(manager, dataType, out);
        head.initialize(manager, dataType, out);
    }
}

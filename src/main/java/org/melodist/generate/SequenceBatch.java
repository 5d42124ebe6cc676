package org.melodist.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A padded batch of teacher-forcing rows: input tokens (START, then the previous step's token), the bar
 * position of each predicted step, the target token, and a mask that is 0 on padding; for a network with the
 * steps-to-the-end input, {@code ends} holds that input per step (null: the input is left out).
 */
record SequenceBatch(long[] inputs, long[] positions, long[] targets, float[] mask, int rows, int time, long[] ends) {

    /** One row: steps {@code [from, to)} of a tune, predicted from the token before each. */
    record Slice(EncodedTune tune, int from, int to) {
    }

    static SequenceBatch of(List<Slice> slices, MelodyEncoding enc) {
        return of(slices, enc, 0);
    }

    /** As {@link #of(List, MelodyEncoding)}, with an {@code ends} array of zeros (no end in view) when {@code endSteps} > 0. */
    private static SequenceBatch of(List<Slice> slices, MelodyEncoding enc, int endSteps) {
        int time = 0;
        for (Slice s : slices) {
            time = Math.max(time, s.to() - s.from());
        }
        int rows = slices.size();
        long[] inputs = new long[rows * time];
        long[] positions = new long[rows * time];
        long[] targets = new long[rows * time];
        float[] mask = new float[rows * time];
        long[] ends = endSteps > 0 ? new long[rows * time] : null;
        for (int r = 0; r < rows; r++) {
            Slice s = slices.get(r);
            EncodedTune tune = s.tune();
            for (int i = s.from(); i < s.to(); i++) {
                int k = r * time + (i - s.from());
                inputs[k] = i == 0 ? MelodyEncoding.START : tune.token(i - 1);
                positions[k] = enc.barPosition(tune.firstStep() + i, tune.stepsPerBar());
                targets[k] = tune.token(i);
                mask[k] = 1f;
            }
        }
        return new SequenceBatch(inputs, positions, targets, mask, rows, time, ends);
    }

    /**
     * Rows of whole sequences (from their first step) where only steps from {@code scoreFrom[r]} on count: the
     * continuation after a seed, scored in the seed's context.
     */
    static SequenceBatch ofContinuations(List<Continuation> rows, MelodyEncoding enc) {
        return ofContinuations(rows, enc, 0);
    }

    /**
     * As {@link #ofContinuations(List, MelodyEncoding)}, for a network with the steps-to-the-end input over {@code endSteps}
     * steps (none when 0): the continuation's steps get the steps left to its end, the seed's none, as in generation.
     */
    static SequenceBatch ofContinuations(List<Continuation> rows, MelodyEncoding enc, int endSteps) {
        List<Slice> slices = new java.util.ArrayList<>(rows.size());
        for (Continuation c : rows) {
            slices.add(new Slice(c.tune(), 0, c.tune().length()));
        }
        SequenceBatch b = of(slices, enc, endSteps);
        for (int r = 0; r < rows.size(); r++) {
            int length = rows.get(r).tune().length();
            for (int i = 0; i < length; i++) {
                if (i < rows.get(r).from()) {
                    b.mask[r * b.time + i] = 0f;
                } else if (b.ends != null) {
                    b.ends[r * b.time + i] = MelodyNet.endInput(length - i, endSteps);
                }
            }
        }
        return b;
    }

    int tokenCount() {
        int n = 0;
        for (float m : mask) {
            if (m > 0) n++;
        }
        return n;
    }

    NDList modelInputs(NDManager manager) {
        Shape shape = new Shape(rows, time);
        return ends == null ? new NDList(manager.create(inputs, shape), manager.create(positions, shape))
                : new NDList(manager.create(inputs, shape), manager.create(positions, shape), manager.create(ends, shape));
    }

    NDArray targets(NDManager manager) {
        return manager.create(targets, new Shape(rows, time));
    }

    NDArray mask(NDManager manager) {
        return manager.create(mask, new Shape(rows, time));
    }

    /** Per row, the sum over unmasked steps of log p(target): logits (rows, time, vocab) to (rows). */
    static NDArray rowLogLikelihood(NDArray logits, NDArray targets, NDArray mask) {
        NDArray logp = logits.logSoftmax(-1);
        return logp.gather(targets.expandDims(-1), -1).squeeze(-1).mul(mask).sum(new int[] {1});
    }

    /** Sum over unmasked steps of -log p(target): logits (rows, time, vocab). */
    static NDArray summedNll(NDArray logits, NDArray targets, NDArray mask) {
        NDArray logp = logits.logSoftmax(-1);
        NDArray picked = logp.gather(targets.expandDims(-1), -1).squeeze(-1);
        return picked.mul(mask).sum().neg();
    }
}

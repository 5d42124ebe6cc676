package org.melodist.generate;

/**
 * Settings of one training run. {@code keysPerEpoch}: how many of a tune's transpositions each epoch
 * uses (drawn afresh every epoch, so over several epochs every fitting key is seen); 12 uses all.
 * {@code maxMinutes} <= 0 means no wall-clock budget. {@code anchor}: when fine-tuning, the weight of an L2 penalty
 * toward the starting weights ({@code anchor/2 * |w - w0|^2} added to the loss; 0 for none), which keeps what the
 * starting model knew. {@code ownKey}: every epoch includes each tune in the key it was written in, the other
 * {@code keysPerEpoch - 1} keys drawn at random (otherwise all {@code keysPerEpoch} are drawn). {@code lrDecay}: the
 * learning rate falls along a half cosine from {@code learningRate} to 0 over the run (its epochs or its time budget,
 * whichever runs out first), instead of the halving after an epoch without a validation gain. {@code distill}: when
 * fine-tuning with rehearsal, the rehearsal windows are learnt toward the starting model's whole next-step
 * distribution (soft cross-entropy against the frozen starting model) instead of toward their sampled tokens.
 * {@code averaging}: when above 0, an exponential moving average of the weights with this decay per update is kept;
 * it is what is validated and saved (0: the trained weights themselves). {@code calibrate}: after training, one
 * temperature is fitted on the validation tunes (the one that minimises their NLL) and folded into the kept model's
 * output layer (see {@link TemperatureCalibration}), so that scoring and generating use it and a user's temperature
 * multiplies it.
 */
public record TrainingOptions(int epochs, int embedding, int hidden, int layers, float dropout, int batchSize,
                              int window, float learningRate, float clipNorm, int patience, double maxMinutes,
                              int keysPerEpoch, long seed, float anchor, boolean ownKey, boolean lrDecay,
                              boolean distill, float averaging, boolean calibrate) {

    /** Settings without distillation or weight averaging. */
    public TrainingOptions(int epochs, int embedding, int hidden, int layers, float dropout, int batchSize,
                           int window, float learningRate, float clipNorm, int patience, double maxMinutes,
                           int keysPerEpoch, long seed, float anchor, boolean ownKey, boolean lrDecay) {
        this(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes,
                keysPerEpoch, seed, anchor, ownKey, lrDecay, false, 0f, false);
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(30, 64, 256, 2, 0.1f, 32, 128, 2e-3f, 1.0f, 3, 0, 1, 1L, 0f, false, false);
    }

    /**
     * Fine-tuning a trained model on a user's folder: batches of 4 rows of 256 steps (small batches make more updates
     * for the same CPU time; long rows learn with the context a whole tune is scored with), half the from-scratch
     * learning rate (1e-3, halved after an epoch without a validation gain), patience 4, three random keys per tune per
     * epoch (a small folder gives few steps per epoch otherwise), a 10-minute budget, and rehearsal windows learnt by
     * distillation from the starting model, then a temperature fitted on the validation share. The figures that chose these are in the generated model card
     * ({@link ModelCard}) and the README's Style learning section.
     */
    public static TrainingOptions fineTuneDefaults() {
        return new TrainingOptions(30, 64, 256, 2, 0.1f, 4, 256, 1e-3f, 1.0f, 4, 10, 3, 1L, 0f, false, false, true, 0f, true);
    }

    public TrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (batchSize < 1 || window < 2) throw new IllegalArgumentException("batch size and window must be positive");
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive");
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1");
        if (!(anchor >= 0)) throw new IllegalArgumentException("anchor weight must be 0 or more");
        if (!(averaging >= 0 && averaging < 1)) throw new IllegalArgumentException("averaging decay must be in [0, 1)");
        if (keysPerEpoch < 1 || keysPerEpoch > 12) throw new IllegalArgumentException("keys per epoch must be 1-12");
    }

    public TrainingOptions withEpochs(int v) {
        return new TrainingOptions(v, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withHidden(int v) {
        return new TrainingOptions(epochs, embedding, v, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withMaxMinutes(double v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, v, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withKeysPerEpoch(int v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, v, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withBatch(int batch, int win) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batch, win, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withLearningRate(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, v, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withPatience(int v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, v, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withDropout(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, v, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withSeed(long v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, v, anchor, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withAnchor(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, v, ownKey, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withOwnKey(boolean v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, v, lrDecay, distill, averaging, calibrate);
    }

    public TrainingOptions withLrDecay(boolean v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, v, distill, averaging, calibrate);
    }

    public TrainingOptions withDistill(boolean v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, v, averaging, calibrate);
    }

    public TrainingOptions withCalibrate(boolean v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, v);
    }

    public TrainingOptions withAveraging(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, v, calibrate);
    }
}

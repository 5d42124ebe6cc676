package org.melodist.generate;

/**
 * Settings of one training run. {@code keysPerEpoch}: how many of a tune's transpositions each epoch
 * uses (drawn afresh every epoch, so over several epochs every fitting key is seen); 12 uses all.
 * {@code maxMinutes} <= 0 means no wall-clock budget. {@code anchor}: when fine-tuning, the weight of an L2 penalty
 * toward the starting weights ({@code anchor/2 * |w - w0|^2} added to the loss; 0 for none), which keeps what the
 * starting model knew. {@code ownKey}: every epoch includes each tune in the key it was written in, the other
 * {@code keysPerEpoch - 1} keys drawn at random (otherwise all {@code keysPerEpoch} are drawn). {@code lrDecay}: the
 * learning rate holds at {@code learningRate} for the first 60 % of the run (its epochs or its time budget, whichever
 * runs out first), then falls along a half cosine to 0, instead of the halving after an epoch without a validation gain. {@code distill}: when
 * fine-tuning with rehearsal, the rehearsal windows are learnt toward the starting model's whole next-step
 * distribution (soft cross-entropy against the frozen starting model) instead of toward their sampled tokens.
 * {@code averaging}: when above 0, an exponential moving average of the weights with this decay per update is kept;
 * it is what is validated and saved (0: the trained weights themselves). {@code calibrate}: after training, one
 * temperature is fitted on the validation tunes (the one that minimises their NLL) and folded into the kept model's
 * output layer (see {@link TemperatureCalibration}), so that scoring and generating use it and a user's temperature
 * multiplies it. {@code members}: when fine-tuning, how many copies of the starting model are trained side by side,
 * each on its own thread with its own seed ({@code seed}, {@code seed + 1}, ...), and then joined into one network
 * whose logits are their mean (see {@link MelodyEnsemble}); 1 trains the model itself.
 */
public record TrainingOptions(int epochs, int embedding, int hidden, int layers, float dropout, int batchSize,
                              int window, float learningRate, float clipNorm, int patience, double maxMinutes,
                              int keysPerEpoch, long seed, float anchor, boolean ownKey, boolean lrDecay,
                              boolean distill, float averaging, boolean calibrate, int members) {

    /** The most members a fine-tune trains side by side (each takes one core). */
    public static final int MAX_MEMBERS = 4;

    /** Settings without distillation or weight averaging. */
    public TrainingOptions(int epochs, int embedding, int hidden, int layers, float dropout, int batchSize,
                           int window, float learningRate, float clipNorm, int patience, double maxMinutes,
                           int keysPerEpoch, long seed, float anchor, boolean ownKey, boolean lrDecay) {
        this(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes,
                keysPerEpoch, seed, anchor, ownKey, lrDecay, false, 0f, false, 1);
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(30, 64, 256, 2, 0.1f, 32, 128, 2e-3f, 1.0f, 3, 0, 1, 1L, 0f, false, false);
    }

    /**
     * Fine-tuning a trained model on a user's folder: batches of 4 rows of 256 steps (small batches make more updates
     * for the same CPU time; long rows learn with the context a whole tune is scored with), half the from-scratch
     * learning rate (1e-3), held for the first 60 % of the run and then falling along a half cosine to 0 (the falling
     * rate ends the run, so there is no early stop: patience is the 30 epochs; the best epoch is kept), three random keys per tune per
     * epoch (a small folder gives few steps per epoch otherwise), a 10-minute budget, and rehearsal windows learnt by
     * distillation from the starting model, then a temperature fitted on the validation share; two members, one per core of a
     * two-core machine, so the second core, idle with one thread, buys an ensemble's gain in the same minutes (one on a
     * machine with a single core, where a second member would halve the epochs each gets in the budget). The figures that chose these are in the generated model card
     * ({@link ModelCard}) and the README's Style learning section.
     */
    public static TrainingOptions fineTuneDefaults() {
        return new TrainingOptions(30, 64, 256, 2, 0.1f, 4, 256, 1e-3f, 1.0f, 30, 10, 3, 1L, 0f, false, true, true, 0f, true,
                Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    public TrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (batchSize < 1 || window < 2) throw new IllegalArgumentException("batch size and window must be positive");
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive");
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1");
        if (!(anchor >= 0)) throw new IllegalArgumentException("anchor weight must be 0 or more");
        if (!(averaging >= 0 && averaging < 1)) throw new IllegalArgumentException("averaging decay must be in [0, 1)");
        if (keysPerEpoch < 1 || keysPerEpoch > 12) throw new IllegalArgumentException("keys per epoch must be 1-12");
        if (members < 1 || members > MAX_MEMBERS) throw new IllegalArgumentException("members must be 1-" + MAX_MEMBERS);
    }

    public TrainingOptions withEpochs(int v) {
        return new TrainingOptions(v, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withHidden(int v) {
        return new TrainingOptions(epochs, embedding, v, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withMaxMinutes(double v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, v, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withKeysPerEpoch(int v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, v, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withBatch(int batch, int win) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batch, win, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withLearningRate(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, v, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withPatience(int v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, v, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withDropout(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, v, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withSeed(long v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, v, anchor, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withAnchor(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, v, ownKey, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withOwnKey(boolean v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, v, lrDecay, distill, averaging, calibrate, members);
    }

    public TrainingOptions withLrDecay(boolean v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, v, distill, averaging, calibrate, members);
    }

    public TrainingOptions withDistill(boolean v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, v, averaging, calibrate, members);
    }

    public TrainingOptions withCalibrate(boolean v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, v, members);
    }

    public TrainingOptions withAveraging(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, v, calibrate, members);
    }

    public TrainingOptions withMembers(int v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed, anchor, ownKey, lrDecay, distill, averaging, calibrate, v);
    }
}

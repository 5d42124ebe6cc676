package org.melodist.generate;

/**
 * Settings of one training run. {@code keysPerEpoch}: how many of a tune's transpositions each epoch
 * uses (drawn afresh every epoch, so over several epochs every fitting key is seen); 12 uses all.
 * {@code maxMinutes} <= 0 means no wall-clock budget.
 */
public record TrainingOptions(int epochs, int embedding, int hidden, int layers, float dropout, int batchSize,
                              int window, float learningRate, float clipNorm, int patience, double maxMinutes,
                              int keysPerEpoch, long seed) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(30, 64, 256, 2, 0.1f, 32, 128, 2e-3f, 1.0f, 3, 0, 1, 1L);
    }

    public TrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (batchSize < 1 || window < 2) throw new IllegalArgumentException("batch size and window must be positive");
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive");
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1");
        if (keysPerEpoch < 1 || keysPerEpoch > 12) throw new IllegalArgumentException("keys per epoch must be 1-12");
    }

    public TrainingOptions withEpochs(int v) {
        return new TrainingOptions(v, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed);
    }

    public TrainingOptions withHidden(int v) {
        return new TrainingOptions(epochs, embedding, v, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed);
    }

    public TrainingOptions withMaxMinutes(double v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, v, keysPerEpoch, seed);
    }

    public TrainingOptions withKeysPerEpoch(int v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, v, seed);
    }

    public TrainingOptions withBatch(int batch, int win) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batch, win, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed);
    }

    public TrainingOptions withLearningRate(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, v, clipNorm, patience, maxMinutes, keysPerEpoch, seed);
    }

    public TrainingOptions withPatience(int v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, v, maxMinutes, keysPerEpoch, seed);
    }

    public TrainingOptions withDropout(float v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, v, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, seed);
    }

    public TrainingOptions withSeed(long v) {
        return new TrainingOptions(epochs, embedding, hidden, layers, dropout, batchSize, window, learningRate, clipNorm, patience, maxMinutes, keysPerEpoch, v);
    }
}

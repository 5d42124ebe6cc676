package org.melodist.harmony;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.melodist.RuntimeDefaults;
import org.melodist.generate.GradientClipping;

/**
 * Trains the chord network on the corpus's training tunes with Adam and global-norm clipping, in random
 * windows of beats; keeps the epoch with the best development-set NLL (saved at once, so an interrupted run
 * leaves its best checkpoint); then picks the decoder's emission and prior weights on the development tunes.
 * The validation tunes are never looked at.
 */
public final class HarmonyTrainer {

    /** Training settings. */
    public record Options(int hidden, int layers, float dropout, int epochs, int batchSize, int window,
                          float learningRate, double maxMinutes, long seed, int patience) {
        public static Options defaults() {
            return new Options(64, 2, 0.4f, 40, 16, 64, 0.003f, 30, 7, 4);
        }
    }

    /** What a run produced. */
    public record Result(int bestEpoch, double devNll, double devAccuracy, double emissionWeight, double priorWeight,
                         double devMajmin, double minutes, String stopReason) {
    }

    private static final double[] EMISSION_WEIGHTS = {1, 1.5, 2, 3, 4, 5, 6, 8, 12};
    private static final double[] PRIOR_WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** The decoder's chord entropy on the development tunes must be within this share of the human chords'. */
    private static final double ENTROPY_MARGIN = 0.10;

    private final PrintStream out;

    /** A learning rate the trainer halves when the development NLL stops improving. */
    private static final class AdjustableRate implements ParameterTracker {
        private volatile float rate;

        AdjustableRate(float rate) {
            this.rate = rate;
        }

        @Override
        public float getNewValue(String parameterId, int numUpdate) {
            return rate;
        }
    }

    public HarmonyTrainer(PrintStream out) {
        this.out = out;
    }

    private record Window(LabelledTune tune, int from, int to) {
    }

    public Result train(HarmonyCorpus corpus, Options opt, Path outDir) throws IOException {
        if (corpus.train().isEmpty() || corpus.dev().isEmpty()) {
            throw new IllegalArgumentException("the corpus needs training and development tunes (it has "
                    + corpus.train().size() + " and " + corpus.dev().size() + ")");
        }
        ChordTransitions transitions = ChordTransitions.train(corpus.train());
        HarmonyModelConfig config = HarmonyModelConfig.of(opt.hidden(), opt.layers(), opt.dropout());
        Random rng = new Random(opt.seed());
        RuntimeDefaults.configureDefaults();
        Engine.getInstance().setRandomSeed((int) opt.seed());
        long start = System.nanoTime();
        double budget = opt.maxMinutes() > 0 ? opt.maxMinutes() * 60 : Double.POSITIVE_INFINITY;
        double bestNll = Double.POSITIVE_INFINITY;
        double bestAcc = Double.NaN;
        int bestEpoch = 0;
        int sinceBest = 0;
        String stop = "ran all " + opt.epochs() + " epochs";
        List<Map<String, Object>> history = new ArrayList<>();
        out.printf(Locale.ROOT, "corpus: %d training, %d development, %d validation tunes (validation not used), %d skipped%n",
                corpus.train().size(), corpus.dev().size(), corpus.validation().size(), corpus.skipped().size());
        try (HarmonyModel model = HarmonyModel.create(config, transitions)) {
            out.printf(Locale.ROOT, "model: BiLSTM hidden %d x %d layers, dropout %.2f, %,d parameters (%.2f MB); batch %d x %d beats, Adam %.4f%n",
                    opt.hidden(), opt.layers(), opt.dropout(), model.parameterCount(), model.parameterCount() * 4 / 1e6,
                    opt.batchSize(), opt.window(), opt.learningRate());
            Loss loss = new Loss("MaskedNll") {
                @Override
                public NDArray evaluate(NDList labels, NDList predictions) {
                    return summedNll(predictions.get(0), labels.get(0), labels.get(1)).div(labels.get(1).sum().maximum(1f));
                }
            };
            AdjustableRate rate = new AdjustableRate(opt.learningRate());
            DefaultTrainingConfig tc = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build());
            try (Trainer trainer = model.djlModel().newTrainer(tc)) {
                boolean outOfTime = false;
                for (int epoch = 1; epoch <= opt.epochs() && !outOfTime; epoch++) {
                    long e0 = System.nanoTime();
                    List<Window> windows = windows(corpus.train(), opt.window(), rng);
                    double nllSum = 0;
                    long beats = 0;
                    for (int b = 0; b < windows.size(); b += opt.batchSize()) {
                        List<Window> batch = windows.subList(b, Math.min(windows.size(), b + opt.batchSize()));
                        double[] r = step(trainer, model, batch);
                        nllSum += r[0];
                        beats += (long) r[1];
                        if ((System.nanoTime() - start) / 1e9 > budget) {
                            outOfTime = true;
                            stop = "time budget of " + opt.maxMinutes() + " min reached in epoch " + epoch;
                            break;
                        }
                    }
                    double[] dev = score(model, corpus.dev());
                    double secs = (System.nanoTime() - e0) / 1e9;
                    boolean best = dev[0] < bestNll;
                    out.printf(Locale.ROOT, "epoch %d: train NLL %.4f, dev NLL %.4f, dev accuracy %.3f (full vocabulary, per beat), %.0f beats/s, %.0f s%s%n",
                            epoch, nllSum / beats, dev[0], dev[1], beats / secs, secs, best ? " (best, saved)" : "");
                    history.add(Map.of("epoch", epoch, "trainNll", round(nllSum / beats), "devNll", round(dev[0]), "devAccuracy", round(dev[1])));
                    if (Double.isNaN(dev[0])) {
                        throw new IllegalStateException("training diverged (NaN loss) in epoch " + epoch);
                    }
                    if (best) {
                        bestNll = dev[0];
                        bestAcc = dev[1];
                        bestEpoch = epoch;
                        sinceBest = 0;
                        model.save(outDir, config.withTraining(summary(corpus, opt, history, bestEpoch, start)));
                    } else if (++sinceBest >= opt.patience()) {
                        stop = "early stop: dev NLL did not improve for " + sinceBest + " epochs";
                        break;
                    } else {
                        rate.rate = rate.rate / 2;
                        out.printf(Locale.ROOT, "  no improvement for %d epoch(s); learning rate now %.5f%n", sinceBest, rate.rate);
                    }
                }
            }
        }
        out.println("training stopped: " + stop + "; choosing the decoder's weights on the development tunes");
        double bestMajmin = -1;
        double bestW = 1;
        double bestP = 0;
        double humanEntropy = HarmonyEvaluation.human(corpus.dev()).chordEntropy();
        double bestGap = Double.POSITIVE_INFINITY;
        try (HarmonyModel best = HarmonyModel.load(outDir)) {
            // the most accurate setting whose chord entropy is within ENTROPY_MARGIN of the human chords' (so the
            // decoder cannot win by saying I-IV-V everywhere); if none is, the one with the closest entropy
            for (double w : EMISSION_WEIGHTS) {
                for (double p : PRIOR_WEIGHTS) {
                    HarmonyEvaluation e = HarmonyEvaluation.of(new NeuralHarmonizer(best, w, p), corpus.dev());
                    double acc = e.majminAccuracy();
                    double gap = Math.abs(e.metrics().chordEntropy() / humanEntropy - 1);
                    out.printf(Locale.ROOT, "  emission weight %.1f, prior weight %.1f: dev majmin accuracy %.4f, chord entropy %.0f%% of the human chords'%n",
                            w, p, acc, 100 * e.metrics().chordEntropy() / humanEntropy);
                    boolean fits = gap <= ENTROPY_MARGIN;
                    boolean bestFits = bestGap <= ENTROPY_MARGIN;
                    if (fits && (!bestFits || acc > bestMajmin) || !fits && !bestFits && gap < bestGap) {
                        bestMajmin = acc;
                        bestGap = gap;
                        bestW = w;
                        bestP = p;
                    }
                }
            }
            Map<String, Object> training = new LinkedHashMap<>(best.config().training());
            training.put("devMajminAccuracy", round(bestMajmin));
            training.put("minutes", round((System.nanoTime() - start) / 6e10));
            training.put("stopReason", stop);
            best.save(outDir, best.config().withDecoder(bestW, bestP).withTraining(training));
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        out.printf(Locale.ROOT, "done: best epoch %d (dev NLL %.4f), decoder emission weight %.1f, prior weight %.1f, dev majmin %.4f; %.1f min; model in %s%n",
                bestEpoch, bestNll, bestW, bestP, bestMajmin, minutes, outDir);
        return new Result(bestEpoch, bestNll, bestAcc, bestW, bestP, bestMajmin, minutes, stop);
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }

    private static Map<String, Object> summary(HarmonyCorpus corpus, Options opt, List<Map<String, Object>> history,
                                               int bestEpoch, long start) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", "Nottingham full/*.mid (melody + chord track), labels by template matching");
        m.put("trainTunes", corpus.train().size());
        m.put("devTunes", corpus.dev().size());
        m.put("validationTunes", corpus.validation().size());
        m.put("skippedTunes", corpus.skipped().size());
        m.put("split", "CRC32(file name) % 10 == 0 -> validation, == 1 -> development, else training");
        m.put("bestEpoch", bestEpoch);
        m.put("options", opt);
        m.put("epochs", history);
        m.put("minutes", round((System.nanoTime() - start) / 6e10));
        return m;
    }

    /** Each tune cut into windows at a random offset, shuffled. */
    private static List<Window> windows(List<LabelledTune> tunes, int window, Random rng) {
        List<Window> out = new ArrayList<>();
        for (LabelledTune t : tunes) {
            int offset = rng.nextInt(window);
            if (offset >= 8) {
                out.add(new Window(t, 0, Math.min(offset, t.beats())));
            }
            for (int s = offset; s < t.beats(); s += window) {
                out.add(new Window(t, s, Math.min(t.beats(), s + window)));
            }
        }
        Collections.shuffle(out, rng);
        return out;
    }

    /** One optimiser step on padded windows; returns {summed NLL, beats}. */
    private static double[] step(Trainer trainer, HarmonyModel model, List<Window> batch) {
        int time = 0;
        for (Window w : batch) time = Math.max(time, w.to() - w.from());
        int rows = batch.size();
        float[] x = new float[rows * time * BeatGrid.FEATURES];
        long[] y = new long[rows * time];
        float[] mask = new float[rows * time];
        int beats = 0;
        for (int r = 0; r < rows; r++) {
            Window w = batch.get(r);
            for (int b = w.from(); b < w.to(); b++) {
                int k = r * time + (b - w.from());
                System.arraycopy(w.tune().grid().features()[b], 0, x, k * BeatGrid.FEATURES, BeatGrid.FEATURES);
                y[k] = w.tune().relativeLabel(b);
                mask[k] = 1;
                beats++;
            }
        }
        try (NDManager m = model.manager().newSubManager()) {
            double nll;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(m.create(x, new Shape(rows, time, BeatGrid.FEATURES)))).get(0);
                NDArray summed = summedNll(logits, m.create(y, new Shape(rows, time)), m.create(mask, new Shape(rows, time)));
                gc.backward(summed.div(beats));
                nll = summed.getFloat();
            }
            GradientClipping.clipGlobalNorm(model.manager(), model.net(), 1.0f);
            trainer.step();
            return new double[] {nll, beats};
        }
    }

    static NDArray summedNll(NDArray logits, NDArray targets, NDArray mask) {
        NDArray picked = logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1);
        return picked.mul(mask).sum().neg();
    }

    /** {mean NLL, per-beat argmax accuracy} of the network alone on whole tunes. */
    static double[] score(HarmonyModel model, List<LabelledTune> tunes) {
        double nll = 0;
        long correct = 0;
        long beats = 0;
        for (LabelledTune t : tunes) {
            double[][] lp = model.logPosteriors(t.grid());
            for (int b = 0; b < t.beats(); b++) {
                int y = t.relativeLabel(b);
                nll -= lp[b][y];
                int arg = 0;
                for (int c = 1; c < lp[b].length; c++) if (lp[b][c] > lp[b][arg]) arg = c;
                if (arg == y) correct++;
                beats++;
            }
        }
        return new double[] {nll / beats, (double) correct / beats};
    }
}

package org.melodist.generate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.melodist.RuntimeDefaults;

/**
 * Teaches a trained melody model a musician's taste from judged continuations, staying close to where it started.
 *
 * <p>The loss, per batch, with π the policy's and ρ the frozen starting (reference) model's summed log-likelihood of
 * a continuation's steps in its seed's context, and β the strength:
 * <ul>
 *   <li>for each pair of a kept and a dropped continuation of the same seed, DPO (Rafailov et al. 2023):
 *       {@code softplus(-β((π_w - ρ_w) - (π_l - ρ_l)))};</li>
 *   <li>for a continuation judged alone (only rejected, or only kept, for its seed), the one-sided form
 *       {@code softplus(∓β(π - ρ))}: a rejected one is pushed below the reference and an accepted one above, both
 *       bounded, so a single judgement cannot drive a probability to zero (the down-weighting of only-rejected
 *       continuations the issue asks for);</li>
 *   <li>plus {@code rehearsalWeight} times the per-step NLL of melodies the starting model wrote itself: its
 *       expectation is KL(start || policy) plus a constant, so it holds the model near the start everywhere the
 *       judgements say nothing.</li>
 * </ul>
 * Adam at a constant rate, global-norm clipping, a fixed number of passes or a wall-clock budget. The output
 * folder appears in one rename, as {@link MelodyTrainer}'s does. {@link #cancel} may be called from any thread.
 */
public final class PreferenceTrainer {

    /** A kept and a dropped continuation of the same seed. */
    public record Pair(Continuation chosen, Continuation rejected) {
    }

    /** A continuation judged without a partner of the other verdict for its seed. */
    public record Single(Continuation continuation, boolean accepted) {
    }

    /** Settings of one run; see {@link #defaults()}. */
    public record Options(float beta, float learningRate, int epochs, int itemsPerBatch, float singleWeight,
                          float rehearsalWeight, int rehearsalTunes, int rehearsalRowsPerBatch, double maxMinutes,
                          long seed, float clipNorm, float keptWeight, double maxDrift, int endSteps) {

        public Options {
            if (!(beta > 0)) throw new IllegalArgumentException("beta must be positive");
            if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive");
            if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
            if (itemsPerBatch < 1) throw new IllegalArgumentException("items per batch must be at least 1");
            if (!(singleWeight >= 0) || !(rehearsalWeight >= 0) || !(keptWeight >= 0)) throw new IllegalArgumentException("weights must be 0 or more");
            if (rehearsalTunes < 0 || rehearsalRowsPerBatch < 0) throw new IllegalArgumentException("rehearsal sizes must be 0 or more");
            if (endSteps < 0 || endSteps > 1024) throw new IllegalArgumentException("end steps must be 0..1024");
        }

        /** The settings the README's figures were measured with. */
        public static Options defaults() {
            return new Options(1.0f, 2e-4f, 6, 16, 0.1f, 4.0f, 128, 8, 10, 1L, 1.0f, 1.0f, 0.04, 32);
        }

        public Options withMaxDrift(double v) {
            return new Options(beta, learningRate, epochs, itemsPerBatch, singleWeight, rehearsalWeight, rehearsalTunes, rehearsalRowsPerBatch, maxMinutes, seed, clipNorm, keptWeight, v, endSteps);
        }

        /** Steps to the end the personal model is told (0: no such input, as before). */
        public Options withEndSteps(int v) {
            return new Options(beta, learningRate, epochs, itemsPerBatch, singleWeight, rehearsalWeight, rehearsalTunes, rehearsalRowsPerBatch, maxMinutes, seed, clipNorm, keptWeight, maxDrift, v);
        }

        public Options withKeptWeight(float v) {
            return new Options(beta, learningRate, epochs, itemsPerBatch, singleWeight, rehearsalWeight, rehearsalTunes, rehearsalRowsPerBatch, maxMinutes, seed, clipNorm, v, maxDrift, endSteps);
        }

        public Options withMaxMinutes(double v) {
            return new Options(beta, learningRate, epochs, itemsPerBatch, singleWeight, rehearsalWeight, rehearsalTunes, rehearsalRowsPerBatch, v, seed, clipNorm, keptWeight, maxDrift, endSteps);
        }

        public Options withEpochs(int v) {
            return new Options(beta, learningRate, v, itemsPerBatch, singleWeight, rehearsalWeight, rehearsalTunes, rehearsalRowsPerBatch, maxMinutes, seed, clipNorm, keptWeight, maxDrift, endSteps);
        }

        public Options withBeta(float v) {
            return new Options(v, learningRate, epochs, itemsPerBatch, singleWeight, rehearsalWeight, rehearsalTunes, rehearsalRowsPerBatch, maxMinutes, seed, clipNorm, keptWeight, maxDrift, endSteps);
        }

        public Options withLearningRate(float v) {
            return new Options(beta, v, epochs, itemsPerBatch, singleWeight, rehearsalWeight, rehearsalTunes, rehearsalRowsPerBatch, maxMinutes, seed, clipNorm, keptWeight, maxDrift, endSteps);
        }

        public Options withRehearsalWeight(float v) {
            return new Options(beta, learningRate, epochs, itemsPerBatch, singleWeight, v, rehearsalTunes, rehearsalRowsPerBatch, maxMinutes, seed, clipNorm, keptWeight, maxDrift, endSteps);
        }

        public Options withSingleWeight(float v) {
            return new Options(beta, learningRate, epochs, itemsPerBatch, v, rehearsalWeight, rehearsalTunes, rehearsalRowsPerBatch, maxMinutes, seed, clipNorm, keptWeight, maxDrift, endSteps);
        }

        public Options withRehearsalTunes(int v) {
            return new Options(beta, learningRate, epochs, itemsPerBatch, singleWeight, rehearsalWeight, v, rehearsalRowsPerBatch, maxMinutes, seed, clipNorm, keptWeight, maxDrift, endSteps);
        }

        public Options withSeed(long v) {
            return new Options(beta, learningRate, epochs, itemsPerBatch, singleWeight, rehearsalWeight, rehearsalTunes, rehearsalRowsPerBatch, maxMinutes, v, clipNorm, keptWeight, maxDrift, endSteps);
        }
    }

    /** One pass's figures: mean loss, share of pairs the policy ranks right, and NLL on the held-out self-rehearsal tunes. */
    public record EpochReport(int epoch, double loss, double pairAccuracy, double meanRewardMargin, double rehearsalNll, double seconds) {
    }

    /**
     * What a run produced. {@code pairAccuracyBefore}: the starting model's share of pairs where the kept one is more
     * likely than the dropped one (its implicit preference); the reference margin is 0 by definition.
     */
    public record Result(List<EpochReport> epochs, int keptPass, double pairAccuracyBefore, double rehearsalNllBefore, double seconds,
                         String stopReason) {

        /** True when a model was written (a pass was kept). */
        public boolean saved() {
            return keptPass > 0;
        }

        /** The figures of the kept pass; null when none was kept. */
        public EpochReport last() {
            return keptPass == 0 ? null : epochs.get(keptPass - 1);
        }
    }

    /** Progress for a user interface; called on the training thread. */
    public interface Listener {
        /** {@code done} of {@code total} batches over the whole run. */
        default void batch(int done, int total) {
        }
    }

    /** Writes extra files (a model card) into the staging folder before it becomes the output. */
    @FunctionalInterface
    public interface BeforePublish {
        void write(Path staging, Result result) throws IOException;
    }

    /**
     * A gradient norm beyond this is not a gradient of the loss but corrupt, and the batch is skipped. The norms of a run
     * are 2-20; batches with a finite loss and a norm that overflowed float32 (above ~1e19) turned up sporadically (2 of
     * 16 one-pass runs of the same log and seed, not repeatable); with an infinite or NaN entry among them, the clipping
     * (maxNorm / inf = 0, and 0 x inf = NaN; or a NaN norm, which skipped the clip) handed NaN to Adam, which wrote it into
     * the weights: the "diverged (NaN loss)" runs.
     */
    static final double CORRUPT_GRADIENT_NORM = 1e6;

    private final PrintStream out;
    private final Listener listener;
    private volatile boolean cancelled;

    public PreferenceTrainer(PrintStream out, Listener listener) {
        this.out = out;
        this.listener = listener;
    }

    public void cancel() {
        cancelled = true;
    }

    /** A continuation's row in a batch, with its reference log-likelihood. */
    private record Row(Continuation c, float reference) {
    }

    /**
     * Learns from {@code pairs} and {@code singles}, starting from (and referenced to) the model in {@code baseDir}; writes
     * the result to {@code outDir} with {@code training} merged into its config's training record.
     */
    public Result learn(Path baseDir, List<Pair> pairs, List<Single> singles, Options opt, Path outDir,
                        Map<String, Object> training, BeforePublish beforePublish) throws IOException {
        return learn(baseDir, pairs, singles, opt, null, outDir, training, beforePublish);
    }

    /**
     * As {@link #learn(Path, List, List, Options, Path, Map, BeforePublish)}, rehearsing {@code rehearsalTunes} (typically
     * the starting model's own training tunes) instead of melodies it writes itself; null for those.
     */
    public Result learn(Path baseDir, List<Pair> pairs, List<Single> singles, Options opt, List<EncodedTune> rehearsalTunes,
                        Path outDir, Map<String, Object> training, BeforePublish beforePublish) throws IOException {
        if (pairs.isEmpty() && singles.isEmpty()) {
            throw new IllegalArgumentException("there are no judgements to learn from");
        }
        if (baseDir.toAbsolutePath().normalize().equals(outDir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out must differ from the starting model (it is kept as it is)");
        }
        cancelled = false;
        long start = System.nanoTime();
        RuntimeDefaults.configureDefaults();
        Engine.getInstance().setRandomSeed((int) opt.seed());
        Random rng = new Random(opt.seed());
        List<EncodedTune> rehearsal = opt.rehearsalWeight() <= 0 || opt.rehearsalTunes() <= 0 ? List.of()
                : rehearsalTunes != null ? rehearsalTunes
                : RehearsalTunes.sampled(baseDir, opt.rehearsalTunes(), 16, opt.seed());
        // every eighth rehearsal tune (32 at most) is never trained on: their NLL tracks the drift from the start
        List<EncodedTune> rehearsalHeldOut = new ArrayList<>();
        List<EncodedTune> rehearsalTrain = new ArrayList<>();
        for (int i = 0; i < rehearsal.size(); i++) {
            (i % 8 == 0 && rehearsalHeldOut.size() < 32 ? rehearsalHeldOut : rehearsalTrain).add(rehearsal.get(i));
        }
        try (MelodyModel reference = MelodyModel.load(baseDir); MelodyModel policy = policyFrom(baseDir, reference, opt)) {
            MelodyEncoding enc = policy.encoding();
            Map<Continuation, Float> ref = referenceLikelihoods(reference, pairs, singles);
            double accBefore = pairs.isEmpty() ? Double.NaN : pairs.stream()
                    .filter(p -> ref.get(p.chosen()) > ref.get(p.rejected())).count() / (double) pairs.size();
            double selfBefore = rehearsalHeldOut.isEmpty() ? Double.NaN : MelodyScorer.score(reference, rehearsalHeldOut).nll();
            out.printf(Locale.ROOT, "learning from %d pairs and %d single judgements; starting model ranks %s of the pairs right%n",
                    pairs.size(), singles.size(), Double.isNaN(accBefore) ? "none" : String.format(Locale.ROOT, "%.1f %%", 100 * accBefore));
            out.printf(Locale.ROOT, "settings: beta %.3g, Adam lr %.3g, %d passes, %d judgements per batch, single weight %.2f, "
                            + "rehearsal weight %.2f on %d %s (%d held out), steps to the end told up to %d%n",
                    opt.beta(), opt.learningRate(), opt.epochs(), opt.itemsPerBatch(), opt.singleWeight(), opt.rehearsalWeight(),
                    rehearsalTrain.size(), rehearsalTunes != null ? "given tunes" : "tunes the starting model wrote", rehearsalHeldOut.size(),
                    policy.net().endSteps());
            for (var p : policy.net().getParameters()) {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            }
            List<List<EncodedTune>> rehearsalPools = new ArrayList<>();
            for (EncodedTune t : rehearsalTrain) {
                rehearsalPools.add(MelodyCorpus.transpositions(t, enc));
            }
            List<Object> items = new ArrayList<>(pairs.size() + singles.size());
            items.addAll(pairs);
            items.addAll(singles);
            int batchesPerEpoch = (items.size() + opt.itemsPerBatch() - 1) / opt.itemsPerBatch();
            int totalBatches = batchesPerEpoch * opt.epochs();
            double budget = opt.maxMinutes() > 0 ? opt.maxMinutes() * 60 : Double.POSITIVE_INFINITY;
            String stopReason = "ran all " + opt.epochs() + " passes";
            List<EpochReport> reports = new ArrayList<>();
            Path staging = MelodyTrainer.stagingDir(outDir);
            MelodyTrainer.deleteTree(staging);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(new MelodyTrainer.MaskedNllLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.warmUp().optWarmUpBeginValue(opt.learningRate() / 20)
                            .optWarmUpSteps(Math.max(1, batchesPerEpoch)).setMainTracker(Tracker.fixed(opt.learningRate())).build()).build());
            int kept = 0;
            float[][] lastGood = snapshot(policy);
            double limit = selfBefore * (1 + opt.maxDrift());
            int done = 0;
            boolean stop = false;
            try (Trainer trainer = policy.djlModel().newTrainer(tc)) {
                for (int epoch = 1; epoch <= opt.epochs() && !stop; epoch++) {
                    long epochStart = System.nanoTime();
                    Collections.shuffle(items, rng);
                    double lossSum = 0;
                    int lossBatches = 0;
                    int skipped = 0;
                    for (int b = 0; b < batchesPerEpoch; b++) {
                        List<Object> batch = items.subList(b * opt.itemsPerBatch(), Math.min(items.size(), (b + 1) * opt.itemsPerBatch()));
                        List<SequenceBatch.Slice> reh = rehearsalSlices(rehearsalPools, opt.rehearsalRowsPerBatch(), rng);
                        double batchLoss = step(trainer, policy, enc, batch, ref, reh, opt);
                        if (Double.isNaN(batchLoss)) {
                            skipped++; // a non-finite loss or gradient: this batch changed nothing
                        } else {
                            lossSum += batchLoss;
                            lossBatches++;
                        }
                        listener.batch(++done, totalBatches);
                        if (cancelled) {
                            stop = true;
                            stopReason = "cancelled in pass " + epoch;
                            break;
                        }
                        if ((System.nanoTime() - start) / 1e9 > budget) {
                            stop = true;
                            stopReason = "wall-clock budget of " + opt.maxMinutes() + " min reached in pass " + epoch;
                            break;
                        }
                    }
                    if (cancelled) {
                        break;
                    }
                    if (skipped > 0) {
                        out.printf(Locale.ROOT, "pass %d: %d of %d batches skipped (a non-finite loss or gradient; nothing applied)%n", epoch, skipped, skipped + lossBatches);
                    }
                    double[] ranking = pairFigures(policy, pairs, ref);
                    double self = rehearsalHeldOut.isEmpty() ? Double.NaN : MelodyScorer.score(policy, rehearsalHeldOut).nll();
                    if (lossBatches == 0 || !finiteWeights(policy) || !rehearsalHeldOut.isEmpty() && !Double.isFinite(self)
                            || !pairs.isEmpty() && !Double.isFinite(ranking[1])) {
                        // the weights are damaged: go back to the last good ones (the start or the last kept pass) and stop
                        restore(policy, lastGood);
                        stop = true;
                        stopReason = "pass " + epoch + " went non-finite (NaN); " + (kept > 0 ? "pass " + kept + "'s weights are kept" : "back to the starting weights, nothing learnt");
                        out.printf(Locale.ROOT, "pass %d: the weights went non-finite (NaN); %s%n", epoch,
                                kept > 0 ? "keeping the last good pass, " + kept : "back to the starting weights; no model is written");
                        break;
                    }
                    EpochReport r = new EpochReport(epoch, lossSum / Math.max(1, lossBatches), ranking[0], ranking[1], self,
                            (System.nanoTime() - epochStart) / 1e9);
                    reports.add(r);
                    // the drift guard: a pass is kept only while the held-out rehearsal NLL stays within maxDrift of the start
                    boolean within = !(self > limit) || epoch == opt.epochs() && kept == 0;
                    out.printf(Locale.ROOT, "pass %d: loss %.4f, pairs ranked right %s, mean reward margin %+.3f, held-out rehearsal NLL %.4f (start %.4f)%s, %.1f s%n",
                            epoch, r.loss(), Double.isNaN(r.pairAccuracy()) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * r.pairAccuracy()),
                            r.meanRewardMargin(), r.rehearsalNll(), selfBefore, self > limit ? " over the drift budget" : " (kept)", r.seconds());
                    if (within) {
                        kept = epoch;
                        lastGood = snapshot(policy);
                        policy.save(staging, policy.config().withTraining(record(policy, training, pairs, singles, reports, r, accBefore, selfBefore, start, opt)));
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (cancelled) {
                MelodyTrainer.deleteTree(staging); // a cancelled run leaves the previous model as it was
                kept = 0;
            }
            if (kept > 0 && kept < reports.size()) {
                stopReason += String.format(Locale.ROOT, "; pass %d kept, the last within the drift budget (held-out rehearsal NLL %.1f %% above the start)",
                        kept, 100 * opt.maxDrift());
            }
            Result result = new Result(List.copyOf(reports), kept, accBefore, selfBefore, seconds, stopReason);
            if (kept == 0) {
                MelodyTrainer.deleteTree(staging);
                out.printf(Locale.ROOT, "done: %s; no pass was kept, no model was written%n", stopReason);
                return result;
            }
            if (beforePublish != null) {
                beforePublish.write(staging, result);
            }
            MelodyTrainer.publish(staging, outDir);
            out.printf(Locale.ROOT, "done: %s; %.1f s; model in %s%n", stopReason, seconds, outDir);
            return result;
        }
    }

    /**
     * The model to train: a copy of the starting one that also knows the steps left to the end of the continuation it
     * writes (that input at zero, so it starts as the reference), or a plain copy when {@code opt.endSteps()} is 0.
     */
    private static MelodyModel policyFrom(Path baseDir, MelodyModel reference, Options opt) throws IOException {
        return opt.endSteps() > 0 ? reference.withEndInput(opt.endSteps()) : MelodyModel.load(baseDir);
    }

    /** A copy of every parameter's values. */
    private static float[][] snapshot(MelodyModel model) {
        var params = model.net().getParameters().values();
        float[][] copy = new float[params.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = params.get(i).getArray().toFloatArray();
        }
        return copy;
    }

    /** Puts {@link #snapshot} values back, in place. */
    private static void restore(MelodyModel model, float[][] values) {
        var params = model.net().getParameters().values();
        for (int i = 0; i < values.length; i++) {
            params.get(i).getArray().set(values[i]);
        }
    }

    private static boolean finiteWeights(MelodyModel model) {
        for (var p : model.net().getParameters()) {
            for (float v : p.getValue().getArray().toFloatArray()) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The training record of the pass {@code r} for the model's config. */
    private static Map<String, Object> record(MelodyModel policy, Map<String, Object> training, List<Pair> pairs, List<Single> singles,
                                              List<EpochReport> reports, EpochReport r, double accBefore, double selfBefore, long start, Options opt) {
        Map<String, Object> record = new LinkedHashMap<>(policy.config().training());
        record.putAll(training);
        record.put("preferencePairs", pairs.size());
        record.put("singleJudgements", singles.size());
        record.put("passes", r.epoch());
        record.put("pairAccuracyBefore", accBefore);
        record.put("pairAccuracyAfter", r.pairAccuracy());
        record.put("heldOutRehearsalNllBefore", selfBefore);
        record.put("heldOutRehearsalNllAfter", r.rehearsalNll());
        record.put("seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        record.put("preferenceOptions", opt);
        return record;
    }

    /** One optimiser step on a batch of pairs and singles plus rehearsal rows; returns the batch loss. */
    private static double step(Trainer trainer, MelodyModel policy, MelodyEncoding enc, List<Object> items,
                               Map<Continuation, Float> ref, List<SequenceBatch.Slice> rehearsal, Options opt) {
        List<Row> winners = new ArrayList<>();
        List<Row> losers = new ArrayList<>();
        List<Row> singles = new ArrayList<>();
        List<Float> signs = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Pair p) {
                winners.add(new Row(p.chosen(), ref.get(p.chosen())));
                losers.add(new Row(p.rejected(), ref.get(p.rejected())));
            } else if (item instanceof Single s) {
                singles.add(new Row(s.continuation(), ref.get(s.continuation())));
                signs.add(s.accepted() ? 1f : -1f);
            }
        }
        int pCount = winners.size();
        int sCount = singles.size();
        List<Continuation> rows = new ArrayList<>();
        float[] refs = new float[2 * pCount + sCount];
        int k = 0;
        for (List<Row> group : List.of(winners, losers, singles)) {
            for (Row r : group) {
                rows.add(r.c());
                refs[k++] = r.reference();
            }
        }
        float[] sign = new float[sCount];
        for (int i = 0; i < sCount; i++) sign[i] = signs.get(i);
        try (NDManager m = policy.manager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            double value;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                SequenceBatch batch = SequenceBatch.ofContinuations(rows, enc, policy.net().endSteps());
                // dropout off (training=false) so that policy and reference score the same function; gradients still flow
                NDArray logits = policy.net().forward(ps, batch.modelInputs(m), false).get(0);
                NDArray pi = SequenceBatch.rowLogLikelihood(logits, batch.targets(m), batch.mask(m));
                NDArray reward = pi.sub(m.create(refs)).mul(opt.beta());
                NDArray loss = m.zeros(new ai.djl.ndarray.types.Shape());
                float weight = pCount + opt.singleWeight() * sCount;
                if (pCount > 0) {
                    NDArray margin = reward.get("0:" + pCount).sub(reward.get(pCount + ":" + 2 * pCount));
                    loss = loss.add(Activation.softPlus(margin.neg()).sum().div(weight));
                }
                if (sCount > 0) {
                    NDArray r = reward.get(2 * pCount + ":").mul(m.create(sign));
                    loss = loss.add(Activation.softPlus(r.neg()).sum().mul(opt.singleWeight()).div(weight));
                }
                if (opt.keptWeight() > 0) {
                    // the kept continuations' own per-step NLL (winners, then singles that were kept)
                    float[] kept = new float[rows.size()];
                    int keptCount = 0;
                    for (int i = 0; i < pCount; i++) {
                        kept[i] = 1f / rows.get(i).steps();
                        keptCount++;
                    }
                    for (int i = 0; i < sCount; i++) {
                        if (sign[i] > 0) {
                            kept[2 * pCount + i] = 1f / rows.get(2 * pCount + i).steps();
                            keptCount++;
                        }
                    }
                    if (keptCount > 0) {
                        loss = loss.add(pi.mul(m.create(kept)).sum().neg().mul(opt.keptWeight() / keptCount));
                    }
                }
                if (!rehearsal.isEmpty() && opt.rehearsalWeight() > 0) {
                    // whole-tune rehearsal, as the held-out NLL scores them: without the steps-to-the-end input
                    SequenceBatch rb = SequenceBatch.of(rehearsal, enc);
                    NDArray rl = policy.net().forward(ps, rb.modelInputs(m), false).get(0);
                    NDArray nll = SequenceBatch.summedNll(rl, rb.targets(m), rb.mask(m)).div(Math.max(1, rb.tokenCount()));
                    loss = loss.add(nll.mul(opt.rehearsalWeight()));
                }
                gc.backward(loss);
                value = loss.getFloat();
            }
            // the norm is taken (and the gradients clipped) in any case: a non-finite one means this batch is skipped
            double norm = GradientClipping.clipGlobalNorm(policy.manager(), policy.net(), opt.clipNorm());
            if (!Double.isFinite(value) || !(norm <= CORRUPT_GRADIENT_NORM)) {
                GradientClipping.zeroGradients(policy.manager(), policy.net());
                return Double.NaN;
            }
            trainer.step();
            return value;
        }
    }

    /** The reference model's log-likelihood of every judged continuation. */
    private static Map<Continuation, Float> referenceLikelihoods(MelodyModel reference, List<Pair> pairs, List<Single> singles) {
        List<Continuation> all = new ArrayList<>();
        Map<Continuation, Boolean> seen = new IdentityHashMap<>();
        for (Pair p : pairs) {
            for (Continuation c : List.of(p.chosen(), p.rejected())) {
                if (seen.put(c, Boolean.TRUE) == null) all.add(c);
            }
        }
        for (Single s : singles) {
            if (seen.put(s.continuation(), Boolean.TRUE) == null) all.add(s.continuation());
        }
        float[] ll = likelihoods(reference, all);
        Map<Continuation, Float> out = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            out.put(all.get(i), ll[i]);
        }
        return out;
    }

    /** Summed log-likelihood of each continuation's steps under {@code model}, in batches, without gradients. */
    public static float[] likelihoods(MelodyModel model, List<Continuation> continuations) {
        float[] out = new float[continuations.size()];
        MelodyEncoding enc = model.encoding();
        for (int b = 0; b < continuations.size(); b += 32) {
            List<Continuation> part = continuations.subList(b, Math.min(continuations.size(), b + 32));
            try (NoGradScope noGrad = new NoGradScope(); NDManager m = model.manager().newSubManager()) {
                SequenceBatch batch = SequenceBatch.ofContinuations(part, enc, model.net().endSteps());
                NDArray logits = model.net().forward(new ParameterStore(m, false), batch.modelInputs(m), false).get(0);
                float[] ll = SequenceBatch.rowLogLikelihood(logits, batch.targets(m), batch.mask(m)).toFloatArray();
                System.arraycopy(ll, 0, out, b, ll.length);
            }
        }
        return out;
    }

    /** Share of pairs ranked right and the mean reward margin (policy minus reference), without gradients. */
    private static double[] pairFigures(MelodyModel policy, List<Pair> pairs, Map<Continuation, Float> ref) {
        if (pairs.isEmpty()) {
            return new double[] {Double.NaN, 0};
        }
        List<Continuation> rows = new ArrayList<>();
        for (Pair p : pairs) {
            rows.add(p.chosen());
            rows.add(p.rejected());
        }
        float[] ll = likelihoods(policy, rows);
        int right = 0;
        double margin = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            double w = ll[2 * i] - ref.get(p.chosen());
            double l = ll[2 * i + 1] - ref.get(p.rejected());
            margin += w - l;
            if (ll[2 * i] > ll[2 * i + 1]) right++;
        }
        return new double[] {right / (double) pairs.size(), margin / pairs.size()};
    }

    /** {@code count} windows of 128 steps from random bars of random rehearsal tunes, each in a random fitting key. */
    private static List<SequenceBatch.Slice> rehearsalSlices(List<List<EncodedTune>> pools, int count, Random rng) {
        return pools.isEmpty() ? List.of() : MelodyTrainer.rehearsalSlices(pools, count, 128, rng);
    }
}

package org.melodist.generate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.melodist.RuntimeDefaults;
import org.melodist.analysis.CpuClock;

/**
 * Trains a melody model on a corpus with Adam, global-norm gradient clipping, learning-rate halving and
 * early stopping on validation NLL, from fresh weights ({@link #train}) or from a trained model
 * ({@link #fineTune}, optionally with an L2 pull toward the starting weights). The best epoch's weights are
 * checkpointed into a hidden staging folder beside the output as soon as they are found; the output folder
 * itself appears in one rename when the run ends, stops early, runs out of time or is cancelled with a usable
 * checkpoint, so a reader never sees a half-written model. {@link #cancel} may be called from any thread.
 */
public final class MelodyTrainer {

    /** How many batches' worth of shuffled windows are sorted by length together (see {@link #epochBatches}). */
    static final int BUCKET = 16;

    /**
     * One epoch's figures. {@code seconds} is wall-clock time; {@code cpuSeconds} the CPU time the whole process used
     * meanwhile (user + system, all threads; NaN where the JVM cannot tell), which on a busy machine says what the
     * epoch would take on an idle one with the same compute threads.
     */
    public record EpochReport(int epoch, double trainNll, double validationNll, double validationAccuracy,
                              double tokensPerSecond, double seconds, boolean best, double cpuSeconds) {
    }

    /** What a run produced. */
    public record Result(List<EpochReport> epochs, double bestValidationNll, double bestValidationAccuracy,
                         int bestEpoch, double seconds, String stopReason, double initialValidationNll,
                         boolean saved, double cpuSeconds) {
    }

    /** Progress for a user interface; called on the training thread. */
    public interface Listener {
        /** Before the first epoch, when fine-tuning: the starting model's validation NLL on the new files. */
        default void started(double initialValidationNll) {
        }

        /** After each batch: {@code done} of {@code total} batches of this epoch. */
        default void batch(int epoch, int done, int total, double trainNll) {
        }

        /** After each epoch's validation. */
        default void epoch(EpochReport report) {
        }
    }

    private final PrintStream out;
    private final Listener listener;
    private volatile boolean cancelled;
    private String command;
    private List<EncodedTune> rehearsal = List.of();
    private double rehearsalShare;
    private String rehearsalSource = "";
    private boolean member;
    private volatile EnsembleFineTune ensemble;

    public MelodyTrainer(PrintStream out) {
        this(out, new Listener() { });
    }

    public MelodyTrainer(PrintStream out, Listener listener) {
        this.out = out;
        this.listener = listener;
    }

    /**
     * The command line that reproduces this run, for the generated model card ({@code MODEL_CARD.md}, written for
     * every fine-tune and for any run given a command).
     */
    public MelodyTrainer withCommand(String commandLine) {
        this.command = commandLine;
        return this;
    }

    /**
     * Rehearsal while fine-tuning: each epoch also trains on windows drawn at random from {@code tunes} (typically the
     * starting model's own training corpus), {@code share} of them for every window of the user's files, each in a
     * random fitting key. It keeps the old style in the gradient, so the new one does not overwrite it.
     */
    public MelodyTrainer withRehearsal(List<EncodedTune> tunes, double share, String source) {
        if (!(share >= 0)) {
            throw new IllegalArgumentException("rehearsal share must be 0 or more");
        }
        this.rehearsal = List.copyOf(tunes);
        this.rehearsalShare = tunes.isEmpty() ? 0 : share;
        this.rehearsalSource = source;
        return this;
    }

    /** "256 tunes the starting model wrote itself, 0.25 window per window of the new files", or "none". */
    String rehearsalDescription() {
        return rehearsalShare <= 0 ? "none" : String.format(Locale.ROOT, "%d %s, %.2f window per window of the new files",
                rehearsal.size(), rehearsalSource, rehearsalShare);
    }

    /**
     * A member of an {@link EnsembleFineTune}: its batches draw no progress bar on the console the members share, and it
     * writes no model card into its checkpoint folder, which goes once the members are joined (the joined model gets one).
     */
    MelodyTrainer asMember() {
        this.member = true;
        return this;
    }

    /**
     * Asks a running {@link #train}/{@link #fineTune} to stop after the current batch; it keeps its best checkpoint. A
     * trainer is for one run: asked before its run starts, the run stops after its first batch.
     */
    public void cancel() {
        cancelled = true;
        EnsembleFineTune e = ensemble;
        if (e != null) {
            e.cancel();
        }
    }

    /** A learning rate the trainer halves on a plateau ({@code rate}) times a schedule's factor ({@code factor}). */
    private static final class AdjustableRate implements ParameterTracker {
        private volatile float rate;
        private volatile float factor = 1f;

        AdjustableRate(float rate) {
            this.rate = rate;
        }

        @Override
        public float getNewValue(String parameterId, int numUpdate) {
            return rate * factor;
        }
    }

    /** The share of a run for which the falling schedule ({@link TrainingOptions#lrDecay()}) holds the full rate. */
    static final double HOLD = 0.6;

    /**
     * The falling schedule's factor at {@code progress} (0 at the start of the run, 1 at its end): 1 for the first
     * {@link #HOLD} of the run, then along a half cosine to 0. Holding the rate learns more before annealing: on the
     * chorales every halving of the rate was followed by a drop in validation loss, and the runs whose first halving
     * came latest ended lowest.
     */
    static float scheduleFactor(double progress) {
        double f = Math.min(1, Math.max(0, (progress - HOLD) / (1 - HOLD)));
        return (float) (0.5 * (1 + Math.cos(Math.PI * f)));
    }

    /** Trains a fresh network of the sizes in {@code opt} on a corpus encoded with {@link MelodyEncoding#DEFAULT}. */
    public Result train(MelodyCorpus corpus, TrainingOptions opt, Path outDir) throws IOException {
        checkCorpus(corpus);
        if (opt.members() > 1) {
            throw new IllegalArgumentException("members side by side are for fine-tuning a trained model (--init)");
        }
        MelodyModelConfig config = MelodyModelConfig.of(MelodyEncoding.DEFAULT, opt.embedding(), opt.hidden(), opt.layers(), opt.dropout());
        RuntimeDefaults.configureDefaults();
        Engine.getInstance().setRandomSeed((int) opt.seed());
        try (MelodyModel model = MelodyModel.create(config)) {
            return run(corpus, opt, model, null, outDir);
        }
    }

    /**
     * Continues training the model in {@code initDir} on a corpus encoded with that model's encoding (its
     * vocabulary and pitch range; see {@link MelodyCorpus#loadForTraining}). The network's sizes come from the
     * model, not from {@code opt}. The starting model's folder is only read. With {@link TrainingOptions#members()} above 1,
     * that many copies train side by side and are joined into one network (see {@link EnsembleFineTune}).
     */
    public Result fineTune(MelodyCorpus corpus, TrainingOptions opt, Path initDir, Path outDir) throws IOException {
        checkCorpus(corpus);
        if (initDir.toAbsolutePath().normalize().equals(outDir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out must differ from --init (the starting model is kept as it is)");
        }
        if (opt.members() > 1) {
            EnsembleFineTune e = new EnsembleFineTune(out, listener, rehearsal, rehearsalShare, rehearsalSource, rehearsalDescription(), command);
            ensemble = e;
            if (cancelled) {
                e.cancel();
            }
            try {
                return e.run(corpus, opt, initDir, outDir);
            } finally {
                ensemble = null;
            }
        }
        RuntimeDefaults.configureDefaults();
        Engine.getInstance().setRandomSeed((int) opt.seed());
        try (MelodyModel model = MelodyModel.load(initDir, opt.dropout())) {
            for (var p : model.net().getParameters()) {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true); // loaded weights come without gradients
                }
            }
            return run(corpus, opt, model, initDir, outDir);
        }
    }

    private static void checkCorpus(MelodyCorpus corpus) {
        if (corpus.train().isEmpty()) {
            throw new IllegalArgumentException("the corpus has no training tunes");
        }
        if (corpus.validation().isEmpty()) {
            throw new IllegalArgumentException("the corpus has no validation tunes; add more files (or files of two bars or more)");
        }
    }

    private Result run(MelodyCorpus corpus, TrainingOptions opt, MelodyModel model, Path init, Path outDir) throws IOException {
        MelodyEncoding enc = model.encoding();
        MelodyModelConfig config = model.config();
        List<List<EncodedTune>> pools = new ArrayList<>();
        long poolSteps = 0;
        for (EncodedTune t : corpus.train()) {
            List<EncodedTune> keys = MelodyCorpus.transpositions(t, enc);
            pools.add(keys);
            poolSteps += (long) keys.size() * t.length();
        }
        List<List<EncodedTune>> rehearsalPools = new ArrayList<>();
        Set<EncodedTune> rehearsed = Collections.newSetFromMap(new IdentityHashMap<>());
        if (rehearsalShare > 0) {
            for (EncodedTune t : rehearsal) {
                List<EncodedTune> keys = MelodyCorpus.transpositions(t, enc);
                rehearsalPools.add(keys);
                rehearsed.addAll(keys);
            }
            out.println("rehearsal: " + rehearsalDescription() + (distills(opt, init) ? ", learnt toward the starting model's distribution (distillation)" : ""));
        }
        out.printf(Locale.ROOT, "corpus: %d training tunes (%d steps; %d steps over all fitting keys), %d validation tunes (%d steps), %d skipped%n",
                corpus.train().size(), corpus.trainSteps(), poolSteps, corpus.validation().size(), corpus.validationSteps(), corpus.skipped().size());
        out.println(corpus.losses().summary());
        out.printf(Locale.ROOT, "model: %sembedding %d, hidden %d x %d layers, dropout %.2f; batch %d x %d steps, Adam lr %.4f%s, clip %.1f, %d key(s) per tune per epoch%s%s%n",
                init == null ? "" : "from " + init + ", ", config.embedding(), config.hidden(), config.layers(), config.dropout(),
                opt.batchSize(), opt.window(), opt.learningRate(), opt.lrDecay() ? String.format(Locale.ROOT, " held for %.0f %% of the run, then falling along a half cosine to 0", HOLD * 100) : "", opt.clipNorm(), opt.keysPerEpoch(), opt.ownKey() ? " (its own and random others)" : "",
                init != null && opt.anchor() > 0 ? String.format(Locale.ROOT, ", L2 pull %.4g toward the starting weights", opt.anchor()) : "");

        Random rng = new Random(opt.seed());
        long startNanos = System.nanoTime();
        double cpuStart = processCpuSeconds();
        double budgetSeconds = opt.maxMinutes() > 0 ? opt.maxMinutes() * 60 : Double.POSITIVE_INFINITY;
        List<EpochReport> reports = new ArrayList<>();
        double bestNll = Double.POSITIVE_INFINITY;
        double bestAcc = Double.NaN;
        int bestEpoch = 0;
        int sinceBest = 0;
        String stopReason = "ran all " + opt.epochs() + " epochs";
        AdjustableRate rate = new AdjustableRate(opt.learningRate());
        Loss loss = new MaskedNllLoss();
        Path staging = stagingDir(outDir);
        deleteTree(staging);
        double initialNll = Double.NaN;
        if (init != null) {
            MelodyScorer.Score before = MelodyScorer.score(model, corpus.validation());
            initialNll = before.nll();
            out.printf(Locale.ROOT, "starting model: validation NLL %.4f, accuracy %.3f%n", before.nll(), before.accuracy());
            listener.started(initialNll);
        }
        out.printf(Locale.ROOT, "parameters: %,d (%.1f MB as float32)%n", model.parameterCount(), model.parameterCount() * 4 / 1e6);
        DefaultTrainingConfig tc = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build());
        List<NDArray> anchorWeights = init != null && opt.anchor() > 0 ? copyWeights(model) : null;
        WeightAverage average = opt.averaging() > 0 ? new WeightAverage(model, opt.averaging()) : null;
        if (average != null) {
            out.printf(Locale.ROOT, "weight averaging: a moving average of the weights (decay %.4f per update) is validated and saved%n", opt.averaging());
        }
        try (Trainer trainer = model.djlModel().newTrainer(tc);
             MelodyModel teacher = distills(opt, init) ? MelodyModel.load(init) : null) {
            boolean stop = false;
            for (int epoch = 1; epoch <= opt.epochs() && !stop; epoch++) {
                long epochStart = System.nanoTime();
                double epochCpuStart = processCpuSeconds();
                List<SequenceBatch.Slice> slices = epochSlices(pools, opt, rng);
                List<SequenceBatch.Slice> old = rehearsalPools.isEmpty() ? List.of()
                        : rehearsalSlices(rehearsalPools, (int) Math.round(slices.size() * rehearsalShare), opt.window(), rng);
                List<List<SequenceBatch.Slice>> epochBatches = epochBatches(slices, old, opt.batchSize(), rng);
                int batches = epochBatches.size();
                int batchSteps = opt.batchSize() * opt.window();
                double nllSum = 0;
                long tokens = 0;
                ProgressBar bar = new ProgressBar(member ? new PrintStream(OutputStream.nullOutputStream()) : out, "epoch " + epoch, batches);
                for (int b = 0; b < batches; b++) {
                    if (opt.lrDecay()) {
                        double byEpochs = (epoch - 1 + (double) b / batches) / opt.epochs();
                        double byTime = (System.nanoTime() - startNanos) / 1e9 / budgetSeconds;
                        rate.factor = scheduleFactor(Math.max(byEpochs, byTime));
                    }
                    List<SequenceBatch.Slice> rows = epochBatches.get(b);
                    SequenceBatch batch = SequenceBatch.of(rows, enc);
                    nllSum += teacher == null ? step(trainer, model, batch, batchSteps, opt.clipNorm(), anchorWeights, opt.anchor())
                            : distillStep(trainer, model, teacher, rows, rehearsed, batchSteps, opt.clipNorm(), anchorWeights, opt.anchor());
                    if (average != null) {
                        average.update(model);
                    }
                    tokens += batch.tokenCount();
                    double elapsed = (System.nanoTime() - epochStart) / 1e9;
                    bar.update(b + 1, String.format(Locale.ROOT, "train NLL %.3f, %.0f tok/s", nllSum / tokens, tokens / elapsed));
                    listener.batch(epoch, b + 1, batches, nllSum / tokens);
                    if (cancelled) {
                        stop = true;
                        stopReason = "cancelled in epoch " + epoch;
                        break;
                    }
                    if ((System.nanoTime() - startNanos) / 1e9 > budgetSeconds) {
                        stop = true;
                        stopReason = "wall-clock budget of " + opt.maxMinutes() + " min reached in epoch " + epoch;
                        break;
                    }
                }
                bar.done();
                if (cancelled) {
                    break; // stop now: the partial epoch is neither validated nor kept; an earlier best is
                }
                double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
                MelodyScorer.Score val = MelodyScorer.score(average != null ? average.model() : model, corpus.validation());
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                boolean best = val.nll() < bestNll;
                if (Double.isNaN(val.nll()) || Double.isNaN(nllSum)) {
                    throw new IllegalStateException("training diverged (NaN loss) in epoch " + epoch);
                }
                EpochReport r = new EpochReport(epoch, nllSum / Math.max(1, tokens), val.nll(), val.accuracy(), tokens / trainSeconds, seconds, best,
                        processCpuSeconds() - epochCpuStart);
                reports.add(r);
                out.printf(Locale.ROOT, "epoch %d: train NLL %.4f, validation NLL %.4f, accuracy %.3f, %.0f tokens/s, %.0f s (CPU %.0f s)%s%n",
                        epoch, r.trainNll(), r.validationNll(), r.validationAccuracy(), r.tokensPerSecond(), seconds, r.cpuSeconds(),
                        best ? " (best, saved)" : "");
                listener.epoch(r);
                if (best) {
                    bestNll = val.nll();
                    bestAcc = val.accuracy();
                    bestEpoch = epoch;
                    sinceBest = 0;
                    (average != null ? average.model() : model).save(staging, config.withTraining(summary(corpus, opt, init, reports, bestEpoch, bestNll, bestAcc, initialNll, startNanos)));
                } else if (!stop) {
                    sinceBest++;
                    if (!opt.lrDecay()) {
                        rate.rate = rate.rate / 2; // with the schedule the rate falls anyway; halving on top made it fall too soon
                    }
                    out.printf(Locale.ROOT, "  no improvement for %d epoch(s); learning rate now %.5f%n", sinceBest, rate.rate * rate.factor);
                    if (sinceBest >= opt.patience()) {
                        stopReason = "early stop: validation NLL did not improve for " + sinceBest + " epochs";
                        break;
                    }
                }
            }
        } finally {
            if (anchorWeights != null) {
                anchorWeights.forEach(NDArray::close);
            }
            if (average != null) {
                average.close();
            }
        }
        double total = (System.nanoTime() - startNanos) / 1e9;
        Result result = new Result(reports, bestNll, bestAcc, bestEpoch, total, stopReason, initialNll, bestEpoch > 0,
                processCpuSeconds() - cpuStart);
        if (bestEpoch > 0) {
            TemperatureCalibration.Fit calibration = opt.calibrate() ? calibrate(staging, corpus) : null;
            if (calibration != null) {
                out.printf(Locale.ROOT, "calibration: temperature %.3f fitted on the validation tunes and folded into the output layer; "
                        + "validation NLL %.4f -> %.4f%n", calibration.temperature(), calibration.nllBefore(), calibration.nllAfter());
            }
            if (!member && (init != null || command != null)) {
                ModelCard.write(staging, corpus, opt, init, result, config, command, rehearsalDescription(), calibration, List.of());
            }
            publish(staging, outDir);
            out.printf(Locale.ROOT, "done: %s; best epoch %d, validation NLL %.4f, accuracy %.3f, %.1f min (CPU %.1f min); model in %s%n",
                    stopReason, bestEpoch, bestNll, bestAcc, total / 60, result.cpuSeconds() / 60, outDir);
        } else {
            deleteTree(staging);
            out.printf(Locale.ROOT, "done: %s before the first epoch ended; no model was written%n", stopReason);
        }
        return result;
    }

    /**
     * Fits one temperature on the validation tunes for the kept checkpoint in {@code staging} and folds it into that
     * checkpoint's output layer, recording the fit in its config ({@code training.calibration}).
     */
    static TemperatureCalibration.Fit calibrate(Path staging, MelodyCorpus corpus) throws IOException {
        try (MelodyModel kept = MelodyModel.load(staging)) {
            TemperatureCalibration.Fit fit = TemperatureCalibration.fit(kept, corpus.validation());
            TemperatureCalibration.fold(kept, fit.temperature());
            Map<String, Object> training = new LinkedHashMap<>(kept.config().training());
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("temperature", fit.temperature());
            record.put("validationNllBefore", fit.nllBefore());
            record.put("validationNllAfter", fit.nllAfter());
            record.put("note", "the output layer's weights and bias are divided by the temperature; a sampling temperature multiplies it");
            training.put("calibration", record);
            kept.save(staging, kept.config().withTraining(training));
            return fit;
        }
    }

    /** CPU time of this process so far (user + system, every thread), in seconds; NaN where the JVM cannot tell. */
    static double processCpuSeconds() {
        long nanos = CpuClock.processNanos();
        return nanos >= 0 ? nanos / 1e9 : Double.NaN;
    }

    /** The hidden folder beside {@code outDir} where checkpoints go until the run ends. */
    static Path stagingDir(Path outDir) {
        Path abs = outDir.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".training");
    }

    /**
     * Moves the finished staging folder to {@code outDir} by renaming; an existing {@code outDir} is renamed
     * aside first and deleted after, so at every moment {@code outDir} is either the old model or the new one.
     */
    static void publish(Path staging, Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".replaced");
            deleteTree(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<NDArray> copyWeights(MelodyModel model) {
        List<NDArray> copies = new ArrayList<>();
        for (var p : model.net().getParameters()) {
            NDArray w = p.getValue().getArray();
            NDArray c = w.duplicate();
            c.attach(model.manager());
            copies.add(c);
        }
        return copies;
    }

    /** The start of a trained model's {@code training} record: the starting model, if any, and the tunes it learnt from. */
    static Map<String, Object> dataSummary(MelodyCorpus corpus, Path init, double initialNll) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (init != null) {
            m.put("initModel", init.toAbsolutePath().normalize().toString());
            m.put("initValidationNll", initialNll);
        }
        m.put("trainTunes", corpus.train().size());
        m.put("validationTunes", corpus.validation().size());
        m.put("split", corpus.split().isEmpty() ? MelodyCorpus.SPLIT_BY_NAME : corpus.split());
        return m;
    }

    private static Map<String, Object> summary(MelodyCorpus corpus, TrainingOptions opt, Path init, List<EpochReport> reports,
                                               int bestEpoch, double bestNll, double bestAcc, double initialNll, long startNanos) {
        Map<String, Object> m = dataSummary(corpus, init, initialNll);
        m.put("epochsRun", reports.size());
        m.put("bestEpoch", bestEpoch);
        m.put("validationNll", bestNll);
        m.put("validationAccuracy", bestAcc);
        m.put("trainNll", reports.get(reports.size() - 1).trainNll());
        m.put("tokensPerSecond", Math.round(reports.stream().mapToDouble(EpochReport::tokensPerSecond).average().orElse(0)));
        m.put("minutes", Math.round((System.nanoTime() - startNanos) / 6e8) / 100.0);
        m.put("options", opt);
        return m;
    }

    /**
     * This epoch's rows: each tune in {@code keysPerEpoch} random keys (with {@code ownKey}, its own key and
     * {@code keysPerEpoch - 1} random others), cut into windows, shuffled.
     */
    static List<SequenceBatch.Slice> epochSlices(List<List<EncodedTune>> pools, TrainingOptions opt, Random rng) {
        List<SequenceBatch.Slice> slices = new ArrayList<>();
        for (List<EncodedTune> keys : pools) {
            List<EncodedTune> shuffled = new ArrayList<>(keys);
            if (opt.ownKey()) {
                Collections.shuffle(shuffled.subList(1, shuffled.size()), rng); // the tune's own key (first) stays first
            } else {
                Collections.shuffle(shuffled, rng);
            }
            for (EncodedTune t : shuffled.subList(0, Math.min(opt.keysPerEpoch(), shuffled.size()))) {
                for (int from = 0; from < t.length(); from += opt.window()) {
                    slices.add(new SequenceBatch.Slice(t, from, Math.min(t.length(), from + opt.window())));
                }
            }
        }
        Collections.shuffle(slices, rng);
        return slices;
    }

    /**
     * An epoch's windows cut into batches of {@code batchSize} rows. A batch costs what its longest row costs times its
     * rows (shorter rows are padded), so rows of about the same length go together: the windows are shuffled, then
     * every run of {@code BUCKET} batches' worth is sorted by length and cut, and the batches are shuffled (on the
     * chorales, random batches of 4 were 29 % padding, these 3 %). Rehearsal windows ({@code old}) get batches of
     * their own: a batch mixing both took two forward passes, one of them over a single row.
     */
    static List<List<SequenceBatch.Slice>> epochBatches(List<SequenceBatch.Slice> own, List<SequenceBatch.Slice> old, int batchSize, Random rng) {
        List<List<SequenceBatch.Slice>> batches = new ArrayList<>();
        for (List<SequenceBatch.Slice> group : List.of(own, old)) {
            List<SequenceBatch.Slice> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, rng);
            int run = BUCKET * batchSize;
            for (int from = 0; from < shuffled.size(); from += run) {
                List<SequenceBatch.Slice> bucket = new ArrayList<>(shuffled.subList(from, Math.min(shuffled.size(), from + run)));
                bucket.sort(Comparator.comparingInt(s -> s.to() - s.from()));
                for (int b = 0; b < bucket.size(); b += batchSize) {
                    batches.add(List.copyOf(bucket.subList(b, Math.min(bucket.size(), b + batchSize))));
                }
            }
        }
        Collections.shuffle(batches, rng);
        return batches;
    }

    /** {@code count} windows from random tunes of the pools, each in a random fitting key, from a random bar. */
    static List<SequenceBatch.Slice> rehearsalSlices(List<List<EncodedTune>> pools, int count, int window, Random rng) {
        List<SequenceBatch.Slice> slices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<EncodedTune> keys = pools.get(rng.nextInt(pools.size()));
            EncodedTune t = keys.get(rng.nextInt(keys.size()));
            int bars = Math.max(1, (t.length() - 1) / t.stepsPerBar() + 1);
            int from = rng.nextInt(bars) * t.stepsPerBar();
            from = Math.min(from, Math.max(0, t.length() - window));
            from -= from % t.stepsPerBar();
            slices.add(new SequenceBatch.Slice(t, from, Math.min(t.length(), from + window)));
        }
        return slices;
    }

    /** Whether a run distils: a fine-tune asked to, with rehearsal tunes. */
    private boolean distills(TrainingOptions opt, Path init) {
        return opt.distill() && init != null && rehearsalShare > 0;
    }

    /**
     * One optimiser step where the rows of {@code rehearsed} tunes are learnt toward {@code teacher}'s next-step
     * distribution (the soft cross-entropy {@code -sum_v p_teacher(v) log p(v)} at every step) and the other rows toward
     * their tokens, the two summed and divided by {@code perSteps} (see {@link #step(Trainer, MelodyModel, SequenceBatch,
     * int, float, List, float)}). Returns the batch's summed NLL of its tokens.
     */
    static double distillStep(Trainer trainer, MelodyModel model, MelodyModel teacher, List<SequenceBatch.Slice> rows,
                              Set<EncodedTune> rehearsed, int perSteps, float clipNorm, List<NDArray> anchor, float weight) {
        List<SequenceBatch.Slice> own = new ArrayList<>();
        List<SequenceBatch.Slice> old = new ArrayList<>();
        for (SequenceBatch.Slice s : rows) {
            (rehearsed.contains(s.tune()) ? old : own).add(s);
        }
        MelodyEncoding enc = model.encoding();
        SequenceBatch ownBatch = own.isEmpty() ? null : SequenceBatch.of(own, enc);
        SequenceBatch oldBatch = old.isEmpty() ? null : SequenceBatch.of(old, enc);
        try (NDManager m = model.manager().newSubManager()) {
            NDArray teacherProbs = null;
            if (oldBatch != null) {
                try (NoGradScope noGrad = new NoGradScope()) {
                    ParameterStore ps = new ParameterStore(m, false);
                    teacherProbs = teacher.net().forward(ps, oldBatch.modelInputs(m), false).get(0).softmax(-1);
                }
            }
            double nll = 0;
            try (GradientCollector gc = new ThreadGradients()) {
                NDArray total = null;
                if (ownBatch != null) {
                    NDArray summed = SequenceBatch.summedNll(trainer.forward(ownBatch.modelInputs(m)).get(0), ownBatch.targets(m), ownBatch.mask(m));
                    nll += summed.getFloat();
                    total = summed;
                }
                if (oldBatch != null) {
                    NDArray logits = trainer.forward(oldBatch.modelInputs(m)).get(0);
                    NDArray mask = oldBatch.mask(m);
                    NDArray soft = logits.logSoftmax(-1).mul(teacherProbs).sum(new int[] {-1}).mul(mask).sum().neg();
                    nll += SequenceBatch.summedNll(logits.stopGradient(), oldBatch.targets(m), mask).getFloat();
                    total = total == null ? soft : total.add(soft);
                }
                gc.backward(total.div(Math.max(1, perSteps)));
            }
            update(trainer, model, clipNorm, anchor, weight, m);
            return nll;
        }
    }

    /**
     * An exponential moving average of a training model's weights, held in a second network of the same config: after
     * every update {@code avg += (1 - decay) * (w - avg)}. Starts from the weights it is given.
     */
    static final class WeightAverage implements AutoCloseable {
        private final MelodyModel averaged;
        private final float decay;

        WeightAverage(MelodyModel model, float decay) {
            this.decay = decay;
            this.averaged = MelodyModel.create(model.config());
            for (var p : averaged.net().getParameters()) {
                p.getValue().getArray().setRequiresGradient(false);
            }
            copy(model, averaged);
        }

        void update(MelodyModel model) {
            var from = model.net().getParameters().values();
            var to = averaged.net().getParameters().values();
            try (NDManager m = model.manager().newSubManager()) {
                for (int i = 0; i < from.size(); i++) {
                    NDArray w = from.get(i).getArray().stopGradient();
                    w.attach(m);
                    NDArray avg = to.get(i).getArray();
                    NDArray delta = w.sub(avg).muli(1 - decay);
                    avg.addi(delta);
                }
            }
        }

        MelodyModel model() {
            return averaged;
        }

        private static void copy(MelodyModel from, MelodyModel to) {
            var src = from.net().getParameters().values();
            var dst = to.net().getParameters().values();
            for (int i = 0; i < src.size(); i++) {
                src.get(i).getArray().copyTo(dst.get(i).getArray());
            }
        }

        @Override
        public void close() {
            averaged.close();
        }
    }

    /**
     * Applies the gradients of one batch: the pull toward the anchor weights (when asked), the global norm clip, then
     * the optimiser's step. Shared by the plain and the distilled step so that both update the weights alike.
     */
    private static void update(Trainer trainer, MelodyModel model, float clipNorm, List<NDArray> anchor, float weight,
                               NDManager m) {
        if (anchor != null && weight > 0) {
            pullToward(model, anchor, weight, m);
        }
        if (clipNorm > 0) {
            GradientClipping.clipGlobalNorm(model.manager(), model.net(), clipNorm);
        }
        trainer.step();
    }

    /** One optimiser step on the mean NLL of the batch's steps; returns the batch's summed NLL. */
    static double step(Trainer trainer, MelodyModel model, SequenceBatch batch, float clipNorm) {
        return step(trainer, model, batch, batch.tokenCount(), clipNorm, null, 0f);
    }

    /**
     * One optimiser step on the batch's summed NLL divided by {@code perSteps} (a training run passes its batches'
     * full size, rows x window, so that every step weighs the same whether its batch is of long rows or short ones),
     * with an optional L2 pull toward {@code anchor} (the starting weights, in parameter order):
     * {@code weight * (w - w0)} is added to each gradient, the gradient of {@code weight/2 * |w - w0|^2}.
     */
    static double step(Trainer trainer, MelodyModel model, SequenceBatch batch, int perSteps, float clipNorm, List<NDArray> anchor, float weight) {
        try (NDManager m = model.manager().newSubManager()) {
            double nll;
            try (GradientCollector gc = new ThreadGradients()) {
                NDList out = trainer.forward(batch.modelInputs(m));
                NDArray summed = SequenceBatch.summedNll(out.get(0), batch.targets(m), batch.mask(m));
                gc.backward(summed.div(Math.max(1, perSteps)));
                nll = summed.getFloat();
            }
            update(trainer, model, clipNorm, anchor, weight, m);
            return nll;
        }
    }

    private static void pullToward(MelodyModel model, List<NDArray> anchor, float weight, NDManager scratch) {
        int i = 0;
        for (var p : model.net().getParameters()) {
            NDArray w = p.getValue().getArray();
            NDArray g = w.getGradient();
            g.attach(scratch);
            NDArray diff = w.stopGradient();
            diff.attach(scratch);
            NDArray pull = diff.sub(anchor.get(i++)).muli(weight);
            g.addi(pull);
        }
    }

    /** The DJL loss for the training config: mean NLL over the unmasked steps. Labels: (targets, mask). */
    static final class MaskedNllLoss extends Loss {
        MaskedNllLoss() {
            super("MaskedNll");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray mask = labels.get(1);
            return SequenceBatch.summedNll(predictions.get(0), labels.get(0), mask).div(mask.sum().maximum(1f));
        }
    }

    /** A one-line text progress bar; redraws in place on a console, prints tenths otherwise. */
    static final class ProgressBar {
        private final PrintStream out;
        private final String label;
        private final int total;
        private final boolean console = System.console() != null;
        private long lastDraw;
        private int lastTenth = -1;
        private String lastText = "";

        ProgressBar(PrintStream out, String label, int total) {
            this.out = out;
            this.label = label;
            this.total = Math.max(1, total);
        }

        void update(int done, String text) {
            lastText = text;
            int tenth = done * 10 / total;
            long now = System.nanoTime();
            if (console ? now - lastDraw > 250_000_000L || done == total : tenth != lastTenth) {
                lastDraw = now;
                lastTenth = tenth;
                int width = 30;
                int filled = done * width / total;
                String line = String.format(Locale.ROOT, "%s [%s%s] %3d%% %s", label, "#".repeat(filled), ".".repeat(width - filled),
                        done * 100 / total, text);
                if (console) out.print("\r" + line); else out.println(line);
                out.flush();
            }
        }

        void done() {
            if (console) out.println();
        }

        String lastText() {
            return lastText;
        }
    }

}

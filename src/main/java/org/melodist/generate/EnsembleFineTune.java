package org.melodist.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fine-tune of several members side by side: each is a copy of the starting model trained on its own thread with its
 * own seed (its own order of windows, keys and dropout), with its own early stopping; the members' kept checkpoints are
 * then joined into one network ({@link MelodyEnsemble}), which is calibrated, carded and published like a single model.
 * The DJL engine computes on one thread per model, so on a two-core machine two members take the wall time of one.
 */
final class EnsembleFineTune {

    private final PrintStream out;
    private final MelodyTrainer.Listener listener;
    private final List<EncodedTune> rehearsal;
    private final double rehearsalShare;
    private final String rehearsalSource;
    private final String rehearsalDescription;
    private final String command;
    private final List<MelodyTrainer> members = new ArrayList<>();
    private volatile boolean cancelled;

    EnsembleFineTune(PrintStream out, MelodyTrainer.Listener listener, List<EncodedTune> rehearsal, double rehearsalShare,
                     String rehearsalSource, String rehearsalDescription, String command) {
        this.out = out;
        this.listener = listener;
        this.rehearsal = rehearsal;
        this.rehearsalShare = rehearsalShare;
        this.rehearsalSource = rehearsalSource;
        this.rehearsalDescription = rehearsalDescription;
        this.command = command;
    }

    void cancel() {
        cancelled = true;
        synchronized (members) {
            members.forEach(MelodyTrainer::cancel);
        }
    }

    MelodyTrainer.Result run(MelodyCorpus corpus, TrainingOptions opt, Path init, Path outDir) throws IOException {
        int n = opt.members();
        long startNanos = System.nanoTime();
        double cpuStart = MelodyTrainer.processCpuSeconds();
        Path work = membersDir(outDir);
        MelodyTrainer.deleteTree(work);
        out.printf(Locale.ROOT, "members: %d copies of the starting model fine-tuned side by side (seeds %d-%d), then joined into one "
                + "network whose logits are their mean%n", n, opt.seed(), opt.seed() + n - 1);
        MemberProgress progress = new MemberProgress(listener, n);
        List<Path> dirs = new ArrayList<>();
        List<Future<MelodyTrainer.Result>> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "melodist-member");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int k = 0; k < n; k++) {
                MelodyTrainer member = new MelodyTrainer(new PrintStream(new LinePrefix(out, "member " + (k + 1) + ": "), true),
                        progress.forMember(k)).asMember();
                if (rehearsalShare > 0) {
                    member.withRehearsal(rehearsal, rehearsalShare, rehearsalSource);
                }
                synchronized (members) {
                    members.add(member);
                    if (cancelled) member.cancel();
                }
                Path dir = work.resolve("member-" + (k + 1));
                dirs.add(dir);
                TrainingOptions memberOpt = opt.withMembers(1).withSeed(opt.seed() + k).withCalibrate(false);
                int index = k;
                runs.add(pool.submit(() -> {
                    try {
                        return member.fineTune(corpus, memberOpt, init, dir);
                    } finally {
                        progress.ended(index);
                    }
                }));
            }
            List<MelodyTrainer.Result> results = new ArrayList<>();
            for (Future<MelodyTrainer.Result> f : runs) {
                results.add(await(f));
            }
            return join(corpus, opt, init, outDir, dirs, results, progress.merged(), startNanos, cpuStart);
        } finally {
            cancel(); // a member that failed stops the others; wait for them before their folders go
            for (Future<MelodyTrainer.Result> f : runs) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException e) {
                    // already reported by the member that failed first
                }
            }
            pool.shutdownNow();
            MelodyTrainer.deleteTree(work);
        }
    }

    private MelodyTrainer.Result join(MelodyCorpus corpus, TrainingOptions opt, Path init, Path outDir, List<Path> dirs,
                                      List<MelodyTrainer.Result> results, List<MelodyTrainer.EpochReport> epochs,
                                      long startNanos, double cpuStart) throws IOException {
        List<MelodyModel> kept = new ArrayList<>();
        List<Map<String, Object>> record = new ArrayList<>();
        int lastKeptEpoch = 0;
        double initialNll = Double.NaN;
        try {
            for (int k = 0; k < results.size(); k++) {
                MelodyTrainer.Result r = results.get(k);
                initialNll = r.initialValidationNll();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seed", opt.seed() + k);
                m.put("saved", r.saved());
                m.put("bestEpoch", r.bestEpoch());
                m.put("epochsRun", r.epochs().size());
                m.put("validationNll", r.bestValidationNll());
                m.put("stopReason", r.stopReason());
                m.put("minutes", Math.round(r.seconds() / 0.6) / 100.0);
                record.add(m);
                if (r.saved()) {
                    kept.add(MelodyModel.load(dirs.get(k)));
                    lastKeptEpoch = Math.max(lastKeptEpoch, r.bestEpoch());
                }
            }
            String stopReason = cancelled ? "cancelled" : "every member stopped";
            if (kept.isEmpty()) {
                out.printf(Locale.ROOT, "done: %s before any member's first epoch ended; no model was written%n", stopReason);
                return new MelodyTrainer.Result(epochs, Double.POSITIVE_INFINITY, Double.NaN, 0, (System.nanoTime() - startNanos) / 1e9,
                        stopReason, initialNll, false, MelodyTrainer.processCpuSeconds() - cpuStart);
            }
            Path staging = MelodyTrainer.stagingDir(outDir);
            MelodyTrainer.deleteTree(staging);
            MelodyScorer.Score score;
            MelodyModelConfig config;
            try (MelodyModel joined = MelodyEnsemble.join(kept)) {
                score = MelodyScorer.score(joined, corpus.validation());
                Map<String, Object> training = MelodyTrainer.dataSummary(corpus, init, initialNll);
                training.put("validationNll", score.nll());
                training.put("validationAccuracy", score.accuracy());
                training.put("members", record);
                training.put("joined", "the members' embeddings stacked, their LSTMs side by side, the head averaging their logits");
                training.put("minutes", Math.round((System.nanoTime() - startNanos) / 6e8) / 100.0);
                training.put("options", opt);
                config = joined.config().withTraining(training);
                joined.save(staging, config);
            }
            out.printf(Locale.ROOT, "joined %d member(s): validation NLL %.4f, accuracy %.3f (members %s)%n", kept.size(), score.nll(),
                    score.accuracy(), record.stream().map(m -> String.format(Locale.ROOT, "%.4f", (double) m.get("validationNll")))
                            .reduce((a, b) -> a + ", " + b).orElse(""));
            MelodyTrainer.Result result = new MelodyTrainer.Result(epochs, score.nll(), score.accuracy(), lastKeptEpoch,
                    (System.nanoTime() - startNanos) / 1e9, stopReason + " (" + results.stream().map(MelodyTrainer.Result::stopReason)
                    .reduce((a, b) -> a + "; " + b).orElse("") + ")", initialNll, true, MelodyTrainer.processCpuSeconds() - cpuStart);
            TemperatureCalibration.Fit calibration = opt.calibrate() ? MelodyTrainer.calibrate(staging, corpus) : null;
            if (calibration != null) {
                out.printf(Locale.ROOT, "calibration: temperature %.3f fitted on the validation tunes and folded into the output layer; "
                        + "validation NLL %.4f -> %.4f%n", calibration.temperature(), calibration.nllBefore(), calibration.nllAfter());
            }
            ModelCard.write(staging, corpus, opt, init, result, config, command, rehearsalDescription, calibration, results);
            MelodyTrainer.publish(staging, outDir);
            out.printf(Locale.ROOT, "done: %s; joined %d member(s), validation NLL %.4f, %.1f min (CPU %.1f min); model in %s%n",
                    result.stopReason(), kept.size(), score.nll(), result.seconds() / 60, result.cpuSeconds() / 60, outDir);
            return result;
        } finally {
            kept.forEach(MelodyModel::close);
        }
    }

    private static MelodyTrainer.Result await(Future<MelodyTrainer.Result> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the members trained", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IOException(c);
        }
    }

    /** The hidden folder beside {@code outDir} where the members' checkpoints go until they are joined. */
    static Path membersDir(Path outDir) {
        Path abs = outDir.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".members");
    }

    /**
     * The members' progress as one run's: the first member still running reports its batches, and an epoch is reported
     * (the members' mean figures) once every member still running has finished it.
     */
    static final class MemberProgress {
        private final MelodyTrainer.Listener target;
        private final List<List<MelodyTrainer.EpochReport>> reports = new ArrayList<>();
        private final boolean[] ended;
        private final List<MelodyTrainer.EpochReport> merged = new ArrayList<>();
        private boolean started;

        MemberProgress(MelodyTrainer.Listener target, int members) {
            this.target = target;
            this.ended = new boolean[members];
            for (int k = 0; k < members; k++) {
                reports.add(new ArrayList<>());
            }
        }

        MelodyTrainer.Listener forMember(int k) {
            return new MelodyTrainer.Listener() {
                @Override
                public void started(double initialValidationNll) {
                    synchronized (MemberProgress.this) {
                        if (started) return;
                        started = true;
                    }
                    target.started(initialValidationNll);
                }

                @Override
                public void batch(int epoch, int done, int total, double trainNll) {
                    if (k == firstRunning()) {
                        target.batch(epoch, done, total, trainNll);
                    }
                }

                @Override
                public void epoch(MelodyTrainer.EpochReport report) {
                    synchronized (MemberProgress.this) {
                        reports.get(k).add(report);
                        flush();
                    }
                }
            };
        }

        synchronized void ended(int k) {
            ended[k] = true;
            flush();
        }

        synchronized List<MelodyTrainer.EpochReport> merged() {
            return List.copyOf(merged);
        }

        private synchronized int firstRunning() {
            for (int k = 0; k < ended.length; k++) {
                if (!ended[k]) return k;
            }
            return -1;
        }

        private void flush() {
            while (true) {
                int e = merged.size();
                List<MelodyTrainer.EpochReport> ready = new ArrayList<>();
                for (int k = 0; k < ended.length; k++) {
                    List<MelodyTrainer.EpochReport> mine = reports.get(k);
                    if (mine.size() > e) {
                        ready.add(mine.get(e));
                    } else if (!ended[k]) {
                        return; // wait for this member's epoch
                    }
                }
                if (ready.isEmpty()) return;
                double train = 0, val = 0, acc = 0, tps = 0, seconds = 0, cpu = 0;
                boolean best = false;
                for (MelodyTrainer.EpochReport r : ready) {
                    train += r.trainNll() / ready.size();
                    val += r.validationNll() / ready.size();
                    acc += r.validationAccuracy() / ready.size();
                    tps += r.tokensPerSecond();
                    seconds = Math.max(seconds, r.seconds());
                    cpu += r.cpuSeconds() / ready.size(); // each member's figure is already the whole process's
                    best |= r.best();
                }
                MelodyTrainer.EpochReport m = new MelodyTrainer.EpochReport(e + 1, train, val, acc, tps, seconds, best, cpu);
                merged.add(m);
                target.epoch(m);
            }
        }
    }

    /** Prefixes each whole line written to it and passes it on; the members share one console. */
    private static final class LinePrefix extends OutputStream {
        private final PrintStream target;
        private final String prefix;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LinePrefix(PrintStream target, String prefix) {
            this.target = target;
            this.prefix = prefix;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                synchronized (target) {
                    target.println(prefix + text);
                }
            } else {
                line.write(b);
            }
        }
    }
}

package org.melodist.generate;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * Measures generation (stateful stepping against re-running the sequence for every step) and training
 * step speed, printing the figures. A benchmark, not a test: nothing here asserts a speed.
 */
public final class MelodyBenchmark {

    private final PrintStream out;

    public MelodyBenchmark(PrintStream out) {
        this.out = out;
    }

    /** A 16-note C-major seed in 4/4 at 480 ticks per quarter: eighths and quarters over two bars. */
    public static MelodySeed sixteenNoteSeed() {
        int[] pitches = {60, 62, 64, 65, 67, 65, 64, 62, 64, 67, 72, 71, 69, 67, 65, 64};
        int[] eighths = {1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1};
        List<Note> notes = new ArrayList<>();
        long tick = 0;
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Note(pitches[i], 90, tick, eighths[i] * 240L));
            tick += eighths[i] * 240L;
        }
        return new MelodySeed(notes, 480, TimeSignature.FOUR_FOUR);
    }

    public void benchGenerate(MelodyModel model, int repeats) {
        MelodyGenerator gen = new MelodyGenerator(model);
        MelodySeed seed = sixteenNoteSeed();
        GenerationOptions job = GenerationOptions.defaults().withVariations(8).withBars(4).withRngSeed(1);
        out.printf(Locale.ROOT, "model: hidden %d x %d layers, %,d parameters; job: %d variations x %d steps from a %d-note seed%n",
                model.config().hidden(), model.config().layers(), model.parameterCount(), job.variations(), 64, seed.notes().size());
        for (int i = 0; i < 2; i++) {
            gen.generate(seed, job);
            gen.generateByRerunning(seed, job.withVariations(1).withBars(1), MelodyGenerator.Progress.NONE);
        }
        double[] stateful = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            stateful[i] = gen.generate(seed, job.withRngSeed(i)).millis();
        }
        double[] rerun = new double[Math.max(1, repeats / 2)];
        for (int i = 0; i < rerun.length; i++) {
            rerun[i] = gen.generateByRerunning(seed, job.withRngSeed(i), MelodyGenerator.Progress.NONE).millis();
        }
        List<Double> stepTimes = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long[] last = {System.nanoTime()};
            gen.generate(seed, job.withVariations(1).withRngSeed(100 + i), (done, total) -> {
                long now = System.nanoTime();
                stepTimes.add((now - last[0]) / 1e6);
                last[0] = now;
            }, () -> false);
        }
        double[] steps = stepTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double a = median(stateful);
        double b = median(rerun);
        out.printf(Locale.ROOT, "stateful stepping, batch 8: %.1f ms for the job (median of %d; min %.1f, max %.1f) = %.0f tokens/s%n",
                a, repeats, min(stateful), max(stateful), 8 * 64 / (a / 1000));
        out.printf(Locale.ROOT, "re-running the sequence per step, batch 8: %.1f ms for the job (median of %d) = %.0f tokens/s%n",
                b, rerun.length, 8 * 64 / (b / 1000));
        out.printf(Locale.ROOT, "speed-up of stateful stepping: %.1fx%n", b / a);
        out.printf(Locale.ROOT, "batch 1, per step (incl. sampling): median %.3f ms, p99 %.3f ms over %d steps%n",
                percentile(steps, 0.5), percentile(steps, 0.99), steps.length);
    }

    /** Times optimiser steps on random batches with a fresh model of the same shape. */
    public void benchTraining(MelodyModelConfig config, int batch, int window, int steps) {
        try (MelodyModel fresh = MelodyModel.create(config);
             Trainer trainer = fresh.djlModel().newTrainer(new DefaultTrainingConfig(new MelodyTrainer.MaskedNllLoss())
                     .optOptimizer(Optimizer.adam().build()))) {
            Random rng = new Random(3);
            MelodyEncoding enc = fresh.encoding();
            List<SequenceBatch.Slice> slices = new ArrayList<>();
            for (int r = 0; r < batch; r++) {
                int[] tokens = new int[window];
                for (int i = 0; i < window; i++) {
                    tokens[i] = rng.nextInt(enc.vocabularySize() - 3) + (i % 2 == 0 ? 3 : 0);
                    if (tokens[i] == MelodyEncoding.START) tokens[i] = MelodyEncoding.HOLD;
                }
                slices.add(new SequenceBatch.Slice(new EncodedTune("random", tokens, 0, 16), 0, window));
            }
            SequenceBatch b = SequenceBatch.of(slices, enc);
            MelodyTrainer.step(trainer, fresh, b, 1f);
            double[] ms = new double[steps];
            for (int i = 0; i < steps; i++) {
                long t = System.nanoTime();
                MelodyTrainer.step(trainer, fresh, b, 1f);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            double med = median(ms);
            out.printf(Locale.ROOT, "training step, batch %d x %d steps: median %.0f ms = %.0f tokens/s (%d steps)%n",
                    batch, window, med, batch * window / (med / 1000), steps);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return percentile(s, 0.5);
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}

package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tuning the tiny model on a new style: it learns, keeps its shape, and its output folder is all or nothing. */
class MelodyFineTuneTest {

    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    /** A style the tiny model never saw: rising arpeggios in eighth notes, high up, each bar a new chord. */
    private static MelodyCorpus arpeggios() {
        MelodyEncoding enc = MelodyEncoding.DEFAULT;
        Random rng = new Random(11);
        int[][] chords = {{72, 76, 79, 84}, {74, 77, 81, 86}, {71, 74, 79, 83}, {69, 72, 76, 81}};
        List<EncodedTune> train = new ArrayList<>();
        List<EncodedTune> val = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int[] tokens = new int[64];
            for (int bar = 0; bar < 4; bar++) {
                int[] chord = chords[rng.nextInt(chords.length)];
                for (int i = 0; i < 8; i++) {
                    tokens[bar * 16 + i * 2] = enc.noteOn(chord[i % 4]);
                    tokens[bar * 16 + i * 2 + 1] = MelodyEncoding.HOLD;
                }
            }
            (t % 4 == 0 ? val : train).add(new EncodedTune("arp" + t, tokens, 0, 16));
        }
        return new MelodyCorpus(train, val, new GridLosses(), List.of(), "every fourth tune");
    }

    private static TrainingOptions options(int epochs) {
        return new TrainingOptions(epochs, 8, 16, 2, 0f, 8, 32, 0.01f, 1f, 2, 0, 1, 3L, 0.001f, false, false);
    }

    @Test
    void fineTuningLearnsTheNewStyleKeepsTheStartingModelAndWritesACard(@TempDir Path dir) throws IOException {
        Path init = TinyMelodyModel.dir();
        byte[] initParams = Files.readAllBytes(init.resolve("melody-lstm.params"));
        Path out = dir.resolve("arpeggio-style");
        MelodyTrainer.Result r = new MelodyTrainer(QUIET).withCommand("melodist train --init tiny").fineTune(arpeggios(), options(3), init, out);

        assertTrue(r.saved());
        assertTrue(r.bestValidationNll() < 0.8 * r.initialValidationNll(),
                "validation NLL on the new style falls: " + r.initialValidationNll() + " -> " + r.bestValidationNll());
        assertArrayEquals(initParams, Files.readAllBytes(init.resolve("melody-lstm.params")), "the starting model is only read");
        try (MelodyModel tuned = MelodyModel.load(out); MelodyModel start = MelodyModel.load(init)) {
            assertEquals(start.config().hidden(), tuned.config().hidden(), "sizes come from the starting model");
            assertEquals(start.config().vocabularySize(), tuned.config().vocabularySize());
            assertEquals(init.toAbsolutePath().normalize().toString(), tuned.config().training().get("initModel"));
        }
        String card = Files.readString(out.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("| 0 (starting model) |"), card);
        assertTrue(card.contains("melodist train --init tiny"), card);
        assertTrue(card.contains("validation: every fourth tune"), card);
        assertFalse(Files.exists(MelodyTrainer.stagingDir(out)), "no staging folder is left");
    }

    @Test
    void ownKeyPutsEveryTuneInItsOwnKeyEachEpochAndTheOtherKeysStayRandom() {
        MelodyEncoding enc = MelodyEncoding.DEFAULT;
        List<List<EncodedTune>> pools = new ArrayList<>();
        for (EncodedTune t : arpeggios().train()) {
            pools.add(MelodyCorpus.transpositions(t, enc));
        }
        TrainingOptions own = options(1).withKeysPerEpoch(3).withOwnKey(true).withBatch(8, 64);
        TrainingOptions random = own.withOwnKey(false);
        Random rng = new Random(5);
        int epochsWithoutOwnKey = 0;
        java.util.Set<String> keysOfFirstTune = new java.util.HashSet<>();
        for (int epoch = 0; epoch < 8; epoch++) {
            List<SequenceBatch.Slice> withOwn = MelodyTrainer.epochSlices(pools, own, rng);
            assertEquals(pools.size() * 3, withOwn.size(), "one 64-step window per tune and key");
            for (List<EncodedTune> keys : pools) {
                EncodedTune original = keys.get(0);
                long copies = withOwn.stream().filter(sl -> java.util.Arrays.equals(sl.tune().tokens(), original.tokens())).count();
                assertEquals(1, copies, original.name() + " in its own key once per epoch");
            }
            withOwn.stream().filter(sl -> pools.get(0).stream().anyMatch(k -> java.util.Arrays.equals(k.tokens(), sl.tune().tokens())))
                    .forEach(sl -> keysOfFirstTune.add(java.util.Arrays.toString(sl.tune().tokens())));
            List<SequenceBatch.Slice> drawn = MelodyTrainer.epochSlices(pools, random, rng);
            boolean allOwn = pools.stream().allMatch(keys -> drawn.stream()
                    .anyMatch(sl -> java.util.Arrays.equals(sl.tune().tokens(), keys.get(0).tokens())));
            if (!allOwn) {
                epochsWithoutOwnKey++;
            }
        }
        assertTrue(keysOfFirstTune.size() > 3, "the other keys vary from epoch to epoch: " + keysOfFirstTune.size() + " keys");
        assertTrue(epochsWithoutOwnKey > 0, "without ownKey, some epoch leaves some tune out of its own key");
    }

    @Test
    void batchesHoldRowsOfAboutOneLengthEachWindowOnceAndRehearsalApart() {
        Random rng = new Random(17);
        List<SequenceBatch.Slice> own = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            int length = 8 + rng.nextInt(250); // tunes and tune ends of every length up to a window
            own.add(new SequenceBatch.Slice(new EncodedTune("own" + t, new int[length], 0, 16), 0, length));
        }
        List<SequenceBatch.Slice> old = new ArrayList<>();
        for (int t = 0; t < 75; t++) {
            old.add(new SequenceBatch.Slice(new EncodedTune("old" + t, new int[256], 0, 16), 0, 256));
        }
        List<List<SequenceBatch.Slice>> batches = MelodyTrainer.epochBatches(own, old, 4, new Random(3));

        java.util.Map<SequenceBatch.Slice, Integer> seen = new java.util.IdentityHashMap<>();
        long real = 0;
        long padded = 0;
        for (List<SequenceBatch.Slice> b : batches) {
            assertTrue(b.size() <= 4);
            assertTrue(b.stream().allMatch(s -> s.tune().name().startsWith("own")) || b.stream().allMatch(s -> s.tune().name().startsWith("old")),
                    "a batch is all the new files' windows or all rehearsal");
            int longest = b.stream().mapToInt(s -> s.to() - s.from()).max().orElseThrow();
            for (SequenceBatch.Slice s : b) {
                seen.merge(s, 1, Integer::sum);
                real += s.to() - s.from();
            }
            padded += (long) longest * b.size();
        }
        assertEquals(own.size() + old.size(), seen.size(), "every window is in a batch");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "and in one only");
        assertTrue(padded < 1.08 * real, "little padding: " + padded + " steps computed for " + real);
        long ownSteps = own.stream().mapToInt(s -> s.to() - s.from()).sum();
        long randomPadded = 0;
        for (int b = 0; b < own.size(); b += 4) {
            randomPadded += 4L * own.subList(b, b + 4).stream().mapToInt(s -> s.to() - s.from()).max().orElseThrow();
        }
        assertTrue(randomPadded > 1.3 * ownSteps, "random batches of the new files' windows would pad far more: " + randomPadded + " for " + ownSteps);
        assertTrue(batches.subList(0, 20).stream().anyMatch(b -> b.get(0).tune().name().startsWith("old")),
                "rehearsal batches are spread through the epoch, not left to its end");
        assertEquals(batches.stream().map(b -> b.stream().map(s -> s.tune().name()).toList()).toList(),
                MelodyTrainer.epochBatches(own, old, 4, new Random(3)).stream().map(b -> b.stream().map(s -> s.tune().name()).toList()).toList(),
                "the same seed gives the same batches");
    }

    @Test
    void theScheduleHoldsTheFullRateForSixTenthsOfTheRunThenFallsToNothing() {
        assertEquals(1f, MelodyTrainer.scheduleFactor(0), 1e-6);
        assertEquals(1f, MelodyTrainer.scheduleFactor(0.3), 1e-6);
        assertEquals(1f, MelodyTrainer.scheduleFactor(0.6), 1e-6, "held until six tenths of the run");
        assertEquals(0.5f, MelodyTrainer.scheduleFactor(0.8), 1e-6, "half way down half way through the fall");
        assertEquals(0f, MelodyTrainer.scheduleFactor(1), 1e-6);
        assertEquals(0f, MelodyTrainer.scheduleFactor(1.7), 1e-6, "past the end of the budget it stays at 0");
        float previous = 1.1f;
        for (int i = 13; i <= 20; i++) {
            float f = MelodyTrainer.scheduleFactor(i / 20.0);
            assertTrue(f < previous, "then falls monotonically");
            previous = f;
        }
    }

    @Test
    void selfRehearsalTunesAreTheStartingModelsOwnMelodiesAndTrainAlongTheNewStyle(@TempDir Path dir) throws IOException {
        Path init = TinyMelodyModel.dir();
        List<EncodedTune> tunes = RehearsalTunes.sampled(init, 40, 2, 9L);
        assertEquals(40, tunes.size());
        for (EncodedTune t : tunes) {
            assertTrue(MelodyEncoding.isNoteOn(t.token(0)), "each starts on its seed note");
            assertEquals(4 + 2 * t.stepsPerBar(), t.length(), "a quarter-note seed and two bars");
        }
        assertTrue(tunes.stream().map(EncodedTune::stepsPerBar).distinct().count() > 1, "several metres");
        List<EncodedTune> again = RehearsalTunes.sampled(init, 40, 2, 9L);
        for (int i = 0; i < tunes.size(); i++) {
            assertArrayEquals(tunes.get(i).tokens(), again.get(i).tokens(), "same seed, same tunes");
        }
        Path out = dir.resolve("with-rehearsal");
        MelodyTrainer trainer = new MelodyTrainer(QUIET).withRehearsal(tunes, 0.5, "tunes the starting model wrote itself");
        MelodyTrainer.Result r = trainer.fineTune(arpeggios(), options(2), init, out);
        assertTrue(r.saved());
        assertTrue(r.bestValidationNll() < r.initialValidationNll());
        assertTrue(Files.readString(out.resolve("MODEL_CARD.md")).contains(
                "Rehearsal: 40 tunes the starting model wrote itself, 0.50 window per window of the new files."));
    }

    private static float[] weights(MelodyModel m) {
        List<Float> all = new ArrayList<>();
        for (var p : m.net().getParameters()) {
            for (float f : p.getValue().getArray().toFloatArray()) {
                all.add(f);
            }
        }
        float[] a = new float[all.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = all.get(i);
        }
        return a;
    }

    private static double maxChange(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** One Adam step of {@code rows} on the tiny model, distilled from an untouched copy or (no teacher) on the tokens. */
    private static double changeAfterOneStep(List<SequenceBatch.Slice> rows, Set<EncodedTune> rehearsed, boolean distill) throws IOException {
        Path init = TinyMelodyModel.dir();
        try (MelodyModel model = MelodyModel.load(init); MelodyModel teacher = MelodyModel.load(init)) {
            for (var p : model.net().getParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            float[] before = weights(model);
            // plain SGD at rate 1, so that the change is the gradient itself: Adam would turn rounding-sized gradients
            // into steps of about its rate, and which rounding a run gets depends on what ran before it
            DefaultTrainingConfig tc = new DefaultTrainingConfig(new MelodyTrainer.MaskedNllLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(1f)).build());
            try (Trainer trainer = model.djlModel().newTrainer(tc)) {
                if (distill) {
                    MelodyTrainer.distillStep(trainer, model, teacher, rows, rehearsed, SequenceBatch.of(rows, model.encoding()).tokenCount(), 1f, null, 0f);
                } else {
                    MelodyTrainer.step(trainer, model, SequenceBatch.of(rows, model.encoding()), 1f);
                }
            }
            return maxChange(before, weights(model));
        }
    }

    @Test
    void distillingRehearsalTowardTheStartingModelLeavesItWhereItIsWhileSampledTokensMoveIt() throws IOException {
        List<EncodedTune> tunes = RehearsalTunes.sampled(TinyMelodyModel.dir(), 8, 2, 5L);
        List<SequenceBatch.Slice> rows = new ArrayList<>();
        for (EncodedTune t : tunes) {
            rows.add(new SequenceBatch.Slice(t, 0, t.length()));
        }
        Set<EncodedTune> rehearsed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        rehearsed.addAll(tunes);
        double distilled = changeAfterOneStep(rows, rehearsed, true);
        double sampled = changeAfterOneStep(rows, rehearsed, false);
        assertTrue(sampled > 1e-3, "learning its own sampled notes moves the weights: " + sampled);
        assertTrue(distilled < sampled / 1000, "its own distribution is already matched, so distillation hardly moves it: "
                + distilled + " against " + sampled);
        List<SequenceBatch.Slice> mixed = new ArrayList<>(rows);
        for (EncodedTune t : arpeggios().train()) {
            mixed.add(new SequenceBatch.Slice(t, 0, t.length()));
        }
        assertTrue(changeAfterOneStep(mixed, rehearsed, true) > 1e-3, "the new style's rows still move it");
    }

    @Test
    void theWeightAverageMovesByOneMinusTheDecayTowardTheTrainedWeightsAndIsWhatTheRunSaves(@TempDir Path dir) throws IOException {
        Path init = TinyMelodyModel.dir();
        Path tunedDir = dir.resolve("tuned");
        MelodyTrainer.Result plain = new MelodyTrainer(QUIET).fineTune(arpeggios(), options(2), init, tunedDir);
        try (MelodyModel start = MelodyModel.load(init); MelodyModel tuned = MelodyModel.load(tunedDir);
             MelodyTrainer.WeightAverage avg = new MelodyTrainer.WeightAverage(start, 0.75f)) {
            float[] a = weights(start);
            float[] b = weights(tuned);
            assertTrue(maxChange(a, weights(avg.model())) < 1e-7, "it starts at the weights it is given");
            avg.update(tuned);
            float[] mixed = weights(avg.model());
            for (int i = 0; i < a.length; i++) {
                assertEquals(0.75f * a[i] + 0.25f * b[i], mixed[i], 1e-5);
            }
        }
        Path averagedDir = dir.resolve("averaged");
        MelodyTrainer.Result averaged = new MelodyTrainer(QUIET).fineTune(arpeggios(), options(2).withAveraging(0.9f), init, averagedDir);
        assertTrue(averaged.saved());
        assertTrue(Files.readString(averagedDir.resolve("MODEL_CARD.md")).contains("moving average of the weights (decay 0.9000 per update)"));
        assertTrue(averaged.bestValidationNll() < averaged.initialValidationNll(), "the average learns the new style too");
        assertTrue(Math.abs(averaged.bestValidationNll() - plain.bestValidationNll()) > 1e-6, "a different set of weights is validated");
        try (MelodyModel saved = MelodyModel.load(averagedDir)) {
            MelodyScorer.Score s = MelodyScorer.score(saved, arpeggios().validation());
            assertEquals(averaged.bestValidationNll(), s.nll(), 1e-4, "the saved model is the validated average");
        }
    }

    @Test
    void distillingSelfRehearsalStillLearnsTheNewStyleAndSaysSo(@TempDir Path dir) throws IOException {
        Path init = TinyMelodyModel.dir();
        Path out = dir.resolve("distilled");
        MelodyTrainer trainer = new MelodyTrainer(QUIET).withRehearsal(RehearsalTunes.sampled(init, 20, 2, 9L), 0.5, "tunes the starting model wrote itself");
        MelodyTrainer.Result r = trainer.fineTune(arpeggios(), options(2).withDistill(true), init, out);
        assertTrue(r.saved());
        assertTrue(r.bestValidationNll() < 0.9 * r.initialValidationNll());
        assertTrue(Files.readString(out.resolve("MODEL_CARD.md")).contains("learnt toward the starting model's whole next-step distribution"));
    }

    @Test
    void cancellingBeforeAnyCheckpointLeavesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("style");
        MelodyTrainer[] trainer = new MelodyTrainer[1];
        trainer[0] = new MelodyTrainer(QUIET, new MelodyTrainer.Listener() {
            @Override
            public void batch(int epoch, int done, int total, double trainNll) {
                trainer[0].cancel();
            }
        });
        MelodyTrainer.Result r = trainer[0].fineTune(arpeggios(), options(5), TinyMelodyModel.dir(), out);
        assertTrue(r.epochs().isEmpty(), "the cancelled partial epoch is not validated");
        assertTrue(r.stopReason().startsWith("cancelled in epoch 1"), r.stopReason());
        assertFalse(r.saved());
        assertFalse(Files.exists(out), "no model folder");
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(), siblings.toList(), "no staging folder either");
        }
    }

    @Test
    void cancellingLaterKeepsTheBestCheckpointAndReplacesAnOldFolderWhole(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("style");
        Files.createDirectories(out);
        Files.writeString(out.resolve("stale.txt"), "from an older run");
        AtomicInteger epochsSeen = new AtomicInteger();
        MelodyTrainer[] trainer = new MelodyTrainer[1];
        trainer[0] = new MelodyTrainer(QUIET, new MelodyTrainer.Listener() {
            @Override
            public void batch(int epoch, int done, int total, double trainNll) {
                if (epoch == 2) {
                    trainer[0].cancel();
                }
            }

            @Override
            public void epoch(MelodyTrainer.EpochReport report) {
                epochsSeen.incrementAndGet();
                assertFalse(Files.exists(out.resolve("config.json")), "nothing appears in the output folder while training runs");
            }
        });
        MelodyTrainer.Result r = trainer[0].fineTune(arpeggios(), options(5), TinyMelodyModel.dir(), out);
        assertEquals(1, epochsSeen.get(), "the cancelled partial epoch 2 is not validated");
        assertEquals(1, r.bestEpoch());
        assertTrue(r.stopReason().startsWith("cancelled in epoch 2"), r.stopReason());
        assertTrue(Files.isRegularFile(out.resolve("config.json")));
        assertTrue(Files.isRegularFile(out.resolve("MODEL_CARD.md")));
        assertFalse(Files.exists(out.resolve("stale.txt")), "the old folder is replaced as a whole");
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(out), siblings.toList(), "no staging or replaced folder is left beside it");
        }
    }
}

package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members fine-tuned side by side and joined into one network: exact joining, a published model, cancelling. */
class EnsembleFineTuneTest {

    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    /** A style the tiny model never saw: leaps of a fifth and back, in quarter notes. */
    private static MelodyCorpus leaps() {
        MelodyEncoding enc = MelodyEncoding.DEFAULT;
        Random rng = new Random(21);
        List<EncodedTune> train = new ArrayList<>();
        List<EncodedTune> val = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int[] tokens = new int[64];
            for (int i = 0; i < 64; i += 4) {
                int root = 60 + rng.nextInt(8);
                tokens[i] = enc.noteOn(i % 8 == 0 ? root : root + 7);
                tokens[i + 1] = MelodyEncoding.HOLD;
                tokens[i + 2] = MelodyEncoding.HOLD;
                tokens[i + 3] = MelodyEncoding.HOLD;
            }
            (t % 4 == 0 ? val : train).add(new EncodedTune("leap" + t, tokens, 0, 16));
        }
        return new MelodyCorpus(train, val, new GridLosses(), List.of(), "every fourth tune");
    }

    private static TrainingOptions options(int epochs, int members) {
        return new TrainingOptions(epochs, 8, 16, 2, 0f, 8, 32, 0.01f, 1f, 2, 0, 1, 3L, 0f, false, false).withMembers(members);
    }

    private static float[] logits(MelodyModel model, List<EncodedTune> tunes) {
        SequenceBatch batch = MelodyScorer.wholeTuneBatches(tunes, model.encoding()).get(0);
        try (NoGradScope noGrad = new NoGradScope(); NDManager m = model.manager().newSubManager()) {
            NDArray out = model.net().forward(new ParameterStore(m, false), batch.modelInputs(m), false).get(0);
            return out.toFloatArray();
        }
    }

    @Test
    void theJoinedNetworkComputesTheMeanOfItsMembersLogits() {
        MelodyModelConfig config = MelodyModelConfig.of(MelodyEncoding.DEFAULT, 6, 10, 2, 0f);
        List<MelodyModel> members = new ArrayList<>();
        try {
            for (int seed = 1; seed <= 3; seed++) {
                Engine.getInstance().setRandomSeed(seed);
                members.add(MelodyModel.create(config));
            }
            List<EncodedTune> tunes = leaps().train().subList(0, 3);
            try (MelodyModel joined = MelodyEnsemble.join(members)) {
                assertEquals(30, joined.config().hidden());
                assertEquals(3, joined.config().memberCount());
                assertEquals(18, joined.config().embedding());
                float[] got = logits(joined, tunes);
                float[][] each = new float[3][];
                for (int k = 0; k < 3; k++) {
                    each[k] = logits(members.get(k), tunes);
                }
                assertFalse(java.util.Arrays.equals(each[0], each[1]), "the members differ");
                for (int i = 0; i < got.length; i++) {
                    float mean = (each[0][i] + each[1][i] + each[2][i]) / 3;
                    assertEquals(mean, got[i], 1e-4, "logit " + i);
                }
            }
        } finally {
            members.forEach(MelodyModel::close);
        }
    }

    @Test
    void aJoinedStyleGeneratesStepByStepWhatReRunningTheWholeSequenceGives(@TempDir Path dir) throws IOException {
        Path joinedDir = dir.resolve("joined");
        try (MelodyModel a = MelodyModel.load(TinyMelodyModel.dir()); MelodyModel b = MelodyModel.load(TinyMelodyModel.dir())) {
            try (NoGradScope noGrad = new NoGradScope()) {
                b.net().scaleHead(0.5f); // a second member that differs
            }
            try (MelodyModel joined = MelodyEnsemble.join(List.of(a, b))) {
                joined.save(joinedDir, joined.config());
            }
        }
        try (MelodyGenerator generator = MelodyGenerator.load(joinedDir)) {
            MelodySeed seed = MelodyBenchmark.sixteenNoteSeed();
            GenerationOptions opt = GenerationOptions.defaults().withVariations(2).withBars(2).withRngSeed(5);
            GenerationResult stepped = generator.generate(seed, opt);
            GenerationResult rerun = generator.generateByRerunning(seed, opt, MelodyGenerator.Progress.NONE);
            for (int v = 0; v < 2; v++) {
                assertArrayEquals(rerun.tokens().get(v), stepped.tokens().get(v));
            }
        }
    }

    @Test
    void onlyCopiesOfOneModelJoin() {
        try (MelodyModel a = MelodyModel.create(MelodyModelConfig.of(MelodyEncoding.DEFAULT, 6, 10, 2, 0f));
             MelodyModel b = MelodyModel.create(MelodyModelConfig.of(MelodyEncoding.DEFAULT, 6, 12, 2, 0f))) {
            assertThrows(IllegalArgumentException.class, () -> MelodyEnsemble.join(List.of(a, b)));
        }
    }

    @Test
    void twoMembersTrainSideBySideAndPublishOneWiderModelNoWorseThanTheirMean(@TempDir Path dir) throws IOException {
        Path init = TinyMelodyModel.dir();
        Path out = dir.resolve("leap-style");
        List<MelodyTrainer.EpochReport> seen = new CopyOnWriteArrayList<>();
        double[] started = {Double.NaN};
        MelodyTrainer.Result r = new MelodyTrainer(QUIET, new MelodyTrainer.Listener() {
            @Override
            public void started(double initialValidationNll) {
                started[0] = initialValidationNll;
            }

            @Override
            public void epoch(MelodyTrainer.EpochReport report) {
                seen.add(report);
            }
        }).withCommand("melodist train --init tiny --members 2").fineTune(leaps(), options(3, 2), init, out);

        assertTrue(r.saved());
        assertEquals(started[0], r.initialValidationNll(), "the start is reported once, as the run's");
        assertEquals(r.epochs(), seen, "the listener saw the members' mean per epoch");
        assertEquals(List.of(1, 2, 3), seen.stream().map(MelodyTrainer.EpochReport::epoch).toList());
        try (MelodyModel joined = MelodyModel.load(out); MelodyModel start = MelodyModel.load(init)) {
            assertEquals(2 * start.config().hidden(), joined.config().hidden());
            assertEquals(2 * start.config().embedding(), joined.config().embedding());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> members = (List<Map<String, Object>>) joined.config().training().get("members");
            assertEquals(2, members.size());
            assertEquals(List.of(3, 4), members.stream().map(m -> ((Number) m.get("seed")).intValue()).toList());
            // logsumexp is convex, so the NLL of averaged logits is at most the members' mean NLL
            double meanOfMembers = members.stream().mapToDouble(m -> ((Number) m.get("validationNll")).doubleValue()).average().orElseThrow();
            assertTrue(r.bestValidationNll() <= meanOfMembers + 1e-6, r.bestValidationNll() + " vs members' mean " + meanOfMembers);
            assertTrue(r.bestValidationNll() < 0.8 * r.initialValidationNll(), "it learnt the new style");
            assertEquals(r.bestValidationNll(), MelodyScorer.score(joined, leaps().validation()).nll(), 1e-5);
        }
        String card = Files.readString(out.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("Members: 2 copies"), card);
        assertTrue(card.contains("| 2 | 4 |"), card);
        assertFalse(Files.exists(EnsembleFineTune.membersDir(out)), "the members' folder is gone");
        assertFalse(Files.exists(MelodyTrainer.stagingDir(out)), "no staging folder is left");
    }

    @Test
    void cancellingInTheSecondEpochJoinsWhatTheMembersKept(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("style");
        MelodyTrainer[] trainer = new MelodyTrainer[1];
        trainer[0] = new MelodyTrainer(QUIET, new MelodyTrainer.Listener() {
            @Override
            public void batch(int epoch, int done, int total, double trainNll) {
                if (epoch == 2) {
                    trainer[0].cancel();
                }
            }
        });
        MelodyTrainer.Result r = trainer[0].fineTune(leaps(), options(5, 2), TinyMelodyModel.dir(), out);
        assertTrue(r.saved());
        assertTrue(r.stopReason().startsWith("cancelled"), r.stopReason());
        assertTrue(Files.isRegularFile(out.resolve("config.json")));
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(out), siblings.toList(), "no members', staging or replaced folder is left beside it");
        }
    }

    @Test
    void cancellingBeforeAnyCheckpointLeavesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("style");
        MelodyTrainer trainer = new MelodyTrainer(QUIET);
        trainer.cancel(); // before the members start: each stops after its first batch
        MelodyTrainer.Result r = trainer.fineTune(leaps(), options(5, 2), TinyMelodyModel.dir(), out);
        assertFalse(r.saved());
        assertTrue(r.epochs().isEmpty());
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(), siblings.toList(), "nothing is written");
        }
    }

    @Test
    void membersAreForFineTuning() {
        assertThrows(IllegalArgumentException.class, () -> new MelodyTrainer(QUIET).train(leaps(), options(1, 2), Path.of("unused")));
        assertThrows(IllegalArgumentException.class, () -> options(1, 0));
    }
}

package org.melodist.feedback;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.PreferenceTrainer;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/** A real learning run on the tiny model: a simulated musician's log makes the model write more of what they keep. */
class FeedbackLearningTest {

    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    /** Keeps continuations that sit high: mean pitch of G4 (67) or above. */
    private static final Taste HIGH = Taste.rule("high-line", "mean pitch A4 or above", (s, c, ppq, k) -> Taste.meanPitch(c) >= 70);

    /** One-bar seeds of a C major scale line starting low, as the tiny model's training tunes do. */
    private static List<FeedbackSimulation.Seed> seeds(int count, long seed) {
        Random rng = new Random(seed);
        int[] scale = {60, 62, 64, 65, 67};
        List<FeedbackSimulation.Seed> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<Note> notes = new ArrayList<>();
            int degree = rng.nextInt(3);
            for (int i = 0; i < 4; i++) {
                notes.add(new Note(scale[degree], 90, i * 480L, 480));
                degree = Math.max(0, Math.min(4, degree + rng.nextInt(3) - 1));
            }
            out.add(new FeedbackSimulation.Seed("scale" + s, notes, TimeSignature.FOUR_FOUR, Key.parse("C major")));
        }
        return out;
    }

    @Test
    void learningFromASimulatedMusiciansLogMovesTheModelTowardTheirTaste(@TempDir Path dir) throws IOException {
        Path base = TinyMelodyModel.dir();
        FeedbackSimulation.Setup setup = new FeedbackSimulation.Setup(6, 1, new double[] {1.0}, 1.0);
        List<FeedbackSimulation.Seed> newSeeds = seeds(30, 99);
        List<FeedbackEntry> entries;
        int[] before;
        try (MelodyGenerator g = MelodyGenerator.load(base)) {
            entries = FeedbackSimulation.judge(g, "tiny", HIGH, seeds(40, 1), setup, 200, 5);
            before = FeedbackSimulation.acceptance(g, HIGH, newSeeds, 6, 1, 1.0, 1.0, 17);
        }
        Path log = dir.resolve("feedback.jsonl");
        new FeedbackLog(log).append(entries);
        PreferenceTrainer.Options opt = PreferenceTrainer.Options.defaults().withLearningRate(5e-3f).withEpochs(4).withMaxDrift(1.0)
                .withRehearsalTunes(8).withMaxMinutes(0);
        AtomicInteger batches = new AtomicInteger();
        Path out = dir.resolve("personal");
        FeedbackLearning.Report r = FeedbackLearning.learn(log, base, out, opt, List.of(), null, "test", QUIET,
                new PreferenceTrainer.Listener() {
                    @Override
                    public void batch(int done, int total) {
                        batches.set(done);
                        assertTrue(done <= total);
                    }
                }, t -> { });

        assertEquals(200, r.judgements());
        assertTrue(r.pairing().pairs().size() > 20, "the log holds pairs: " + r.pairing().pairs().size());
        assertTrue(batches.get() > 0, "progress was reported");
        assertTrue(r.result().last().pairAccuracy() > r.result().pairAccuracyBefore(),
                "the learned model ranks more pairs right: " + r.result().pairAccuracyBefore() + " -> " + r.result().last().pairAccuracy());
        int[] after;
        try (MelodyGenerator g = MelodyGenerator.load(out)) {
            after = FeedbackSimulation.acceptance(g, HIGH, newSeeds, 6, 1, 1.0, 1.0, 17);
            assertTrue(FeedbackLearning.isPersonal(g.model().config()), "the model folder says it is personal");
            assertEquals(base.toAbsolutePath().normalize().toString(), g.model().config().training().get("baseModel"));
        }
        double rb = before[0] / (double) before[1];
        double ra = after[0] / (double) after[1];
        assertTrue(ra >= rb + 0.15, "the taste keeps more on new seeds: " + rb + " -> " + ra);
        assertTrue(Files.readString(out.resolve("MODEL_CARD.md")).contains("| 0 (starting model) |"));
        try (MelodyModel m = MelodyModel.load(base)) {
            assertFalse(FeedbackLearning.isPersonal(m.config()));
        }
    }

    @Test
    void weightsThatGoNonFiniteAreDroppedWithOneLineAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path base = TinyMelodyModel.dir();
        List<FeedbackEntry> entries;
        try (MelodyGenerator g = MelodyGenerator.load(base)) {
            entries = FeedbackSimulation.judge(g, "tiny", HIGH, seeds(12, 3), new FeedbackSimulation.Setup(4, 1, new double[] {1.0}, 1.0), 48, 5);
        }
        Path log = dir.resolve("feedback.jsonl");
        new FeedbackLog(log).append(entries);
        // an absurd learning rate: Adam moves every weight by ~1e38 per step, so the network overflows to inf and NaN
        PreferenceTrainer.Options opt = PreferenceTrainer.Options.defaults().withLearningRate(1e38f).withEpochs(2)
                .withRehearsalTunes(8).withMaxMinutes(0);
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        Path out = dir.resolve("personal");
        FeedbackLearning.Report r = FeedbackLearning.learn(log, base, out, opt, List.of(), null, "test", new PrintStream(text, true),
                new PreferenceTrainer.Listener() { }, t -> { });
        assertFalse(r.result().saved(), "no damaged pass is kept");
        assertTrue(r.result().stopReason().contains("non-finite"), r.result().stopReason());
        assertTrue(text.toString().contains("the weights went non-finite (NaN); back to the starting weights; no model is written"), text.toString());
        assertFalse(Files.exists(out), "nothing is published");
    }
}

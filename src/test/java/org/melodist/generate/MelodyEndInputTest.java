package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps-to-the-end input that preference learning adds: a model given it writes what it wrote before until the input
 * is trained, models without it load and save as before, and generation tells the network the steps left the same way in
 * its fast stepping path as in a full re-run.
 */
class MelodyEndInputTest {

    private final MelodySeed seed = MelodyBenchmark.sixteenNoteSeed();
    private final GenerationOptions opt = GenerationOptions.defaults().withVariations(4).withBars(2).withRngSeed(21);

    @Test
    void aModelGivenTheEndInputWritesExactlyWhatItWroteBefore() throws IOException {
        try (MelodyGenerator base = MelodyGenerator.load(TinyMelodyModel.dir());
             MelodyModel extended = base.model().withEndInput(32)) {
            assertEquals(0, base.model().config().endSteps());
            assertEquals(32, extended.config().endSteps());
            GenerationResult a = base.generate(seed, opt);
            GenerationResult b = new MelodyGenerator(extended).generate(seed, opt);
            assertEquals(a.variations(), b.variations());
            assertEquals(a.nll(), b.nll(), 1e-6);
        }
    }

    @Test
    void aTrainedEndInputChangesTheLinesAndGenerationFeedsItTheSameWayStepByStepAndInFull(@TempDir Path dir) throws IOException {
        Path saved = dir.resolve("with-end");
        try (MelodyGenerator base = MelodyGenerator.load(TinyMelodyModel.dir());
             MelodyModel extended = base.model().withEndInput(16)) {
            // stands in for what preference learning does to the input: weights far from zero
            NDArray w = extended.net().getParameters().get("06endEmbedding_weight").getArray();
            Random rng = new Random(4);
            float[] v = new float[(int) w.size()];
            for (int i = 0; i < v.length; i++) v[i] = (float) rng.nextGaussian() * 3;
            w.set(v);
            MelodyGenerator g = new MelodyGenerator(extended);
            GenerationResult stepped = g.generate(seed, opt);
            assertNotEquals(base.generate(seed, opt).variations(), stepped.variations(), "the input reaches the network");
            assertEquals(stepped.variations(), g.generateByRerunning(seed, opt, MelodyGenerator.Progress.NONE).variations(),
                    "the fast path and the full re-run give the network the same steps-left input");
            extended.save(saved, extended.config());
        }
        assertTrue(Files.readString(saved.resolve(MelodyModel.CONFIG_FILE)).contains("\"endHorizon\" : 16"));
        try (MelodyGenerator reloaded = MelodyGenerator.load(saved); MelodyModel again = MelodyModel.load(saved)) {
            assertEquals(16, reloaded.model().config().endSteps());
            try (MelodyModel same = again.withEndInput(32)) {
                assertEquals(16, same.config().endSteps(), "a model that has the input keeps its own");
                assertEquals(reloaded.generate(seed, opt).variations(), new MelodyGenerator(same).generate(seed, opt).variations());
            }
        }
    }

    @Test
    void aModelWithoutTheInputSavesAsBefore(@TempDir Path dir) throws IOException {
        try (MelodyModel m = MelodyModel.load(TinyMelodyModel.dir())) {
            m.save(dir, m.config());
        }
        String config = Files.readString(dir.resolve(MelodyModel.CONFIG_FILE));
        assertFalse(config.contains("endHorizon"), config);
        assertEquals(Files.readAllBytes(TinyMelodyModel.dir().resolve("melody-lstm.params")).length,
                Files.readAllBytes(dir.resolve("melody-lstm.params")).length);
    }

    @Test
    void theShippedModelHasNoEndInputAndWritesAsBeforeWhenGivenOne() throws IOException {
        Path shipped = MelodyModels.resolve(null);
        try (MelodyGenerator base = MelodyGenerator.load(shipped); MelodyModel extended = base.model().withEndInput(32)) {
            assertEquals(0, base.model().config().endSteps());
            assertEquals(base.generate(seed, opt).variations(), new MelodyGenerator(extended).generate(seed, opt).variations());
        }
    }
}

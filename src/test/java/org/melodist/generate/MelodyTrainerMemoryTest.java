package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.melodist.RuntimeDefaults;

/**
 * Training steps must not leave arrays behind on the model's manager: each one left per step and parameter
 * is a parameter-sized block of native memory, and a long run dies of it (a hidden-512 run was killed by
 * the kernel after ten epochs before gradient clipping freed its temporaries).
 */
class MelodyTrainerMemoryTest {

    @Test
    void stepsLeaveNoArraysOnTheModelsManager() throws Exception {
        RuntimeDefaults.configureDefaults();
        MelodyEncoding enc = MelodyEncoding.DEFAULT;
        Random rng = new Random(3);
        List<SequenceBatch.Slice> slices = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int[] tokens = new int[32];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = i % 2 == 0 ? enc.noteOn(60 + rng.nextInt(12)) : MelodyEncoding.HOLD;
            }
            slices.add(new SequenceBatch.Slice(new EncodedTune("t" + t, tokens, 0, 16), 0, tokens.length));
        }
        SequenceBatch batch = SequenceBatch.of(slices, enc);
        try (MelodyModel model = MelodyModel.create(MelodyModelConfig.of(enc, 8, 16, 2, 0f))) {
            DefaultTrainingConfig tc = new DefaultTrainingConfig(new MelodyTrainer.MaskedNllLoss())
                    .optOptimizer(Optimizer.adam().build());
            try (Trainer trainer = model.djlModel().newTrainer(tc)) {
                for (int i = 0; i < 3; i++) {
                    MelodyTrainer.step(trainer, model, batch, 1.0f);
                }
                int settled = model.manager().getManagedArrays().size();
                for (int i = 0; i < 20; i++) {
                    MelodyTrainer.step(trainer, model, batch, 1.0f);
                }
                assertEquals(settled, model.manager().getManagedArrays().size(),
                        "arrays on the model's manager after 20 more clipped steps");
            }
        }
    }
}

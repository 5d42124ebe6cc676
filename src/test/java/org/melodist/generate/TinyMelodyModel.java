package org.melodist.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A very small melody model trained once per test run on synthetic scale tunes: real training, real
 * files, real DJL, just tiny, so mechanics tests stay fast. Musical checks use the shipped model.
 */
public final class TinyMelodyModel {

    private static Path dir;

    private TinyMelodyModel() {
    }

    /** The folder of the trained tiny model (config.json + parameters). */
    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("tiny-melody-model");
                d.toFile().deleteOnExit();
                Random rng = new Random(5);
                List<EncodedTune> train = new ArrayList<>();
                List<EncodedTune> val = new ArrayList<>();
                for (int t = 0; t < 24; t++) {
                    (t % 6 == 0 ? val : train).add(scaleTune(rng, "synthetic" + t));
                }
                MelodyCorpus corpus = new MelodyCorpus(train, val, new GridLosses(), List.of(), "test");
                TrainingOptions opt = new TrainingOptions(2, 8, 16, 2, 0f, 8, 32, 0.01f, 1f, 2, 0, 1, 3L, 0f, false, false);
                new MelodyTrainer(new PrintStream(PrintStream.nullOutputStream())).train(corpus, opt, d);
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /**
     * A tune of the kind the tiny model learns: 32 notes stepping up and down the C major scale from C4, each
     * followed by a hold or (one time in four) a rest.
     */
    static EncodedTune scaleTune(Random rng, String name) {
        int[] scale = {0, 2, 4, 5, 7, 9, 11, 12};
        int[] tokens = new int[64];
        int degree = rng.nextInt(8);
        for (int i = 0; i < 64; i += 2) {
            degree = Math.max(0, Math.min(7, degree + rng.nextInt(3) - 1));
            tokens[i] = MelodyEncoding.DEFAULT.noteOn(60 + scale[degree]);
            tokens[i + 1] = rng.nextInt(4) == 0 ? MelodyEncoding.REST : MelodyEncoding.HOLD;
        }
        return new EncodedTune(name, tokens, 0, 16);
    }
}

package org.melodist.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.MelodyEncoding;
import org.melodist.generate.MelodyTrainer;
import org.melodist.generate.TrainingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train --corpus DIR --out DIR}: trains the melody LSTM on a folder of MIDI files. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the melody model on a folder of MIDI files (the first monophonic track, or the top line "
                + "of polyphony, of each file). Prints the grid losses, tokens/s and losses per epoch; saves the best checkpoint.")
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder of .mid files")
    Path corpus;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where config.json and the parameters go")
    Path out;

    @Option(names = "--epochs", defaultValue = "30", description = "most epochs (default ${DEFAULT-VALUE}); early stopping may end sooner")
    int epochs;

    @Option(names = "--hidden", defaultValue = "256", description = "LSTM state size (default ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--keys-per-epoch", defaultValue = "1", description = "transpositions of each tune per epoch, 1-12 (default ${DEFAULT-VALUE})")
    int keysPerEpoch;

    @Option(names = "--dropout", defaultValue = "0.1", description = "dropout rate (default ${DEFAULT-VALUE})")
    float dropout;

    @Option(names = "--batch", defaultValue = "32", description = "rows per batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--window", defaultValue = "128", description = "steps per training row (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    float lr;

    @Option(names = "--patience", defaultValue = "3", description = "epochs without validation gain before stopping (default ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--max-minutes", defaultValue = "0", description = "wall-clock budget in minutes, 0 for none")
    double maxMinutes;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        TrainingOptions opt = TrainingOptions.defaults().withEpochs(epochs).withHidden(hidden).withKeysPerEpoch(keysPerEpoch)
                .withBatch(batch, window).withLearningRate(lr).withPatience(patience).withMaxMinutes(maxMinutes).withSeed(seed).withDropout(dropout);
        MelodyCorpus c = MelodyCorpus.load(corpus, MelodyEncoding.DEFAULT, ps::println);
        new MelodyTrainer(ps).train(c, opt, out);
        ps.flush();
        return 0;
    }
}

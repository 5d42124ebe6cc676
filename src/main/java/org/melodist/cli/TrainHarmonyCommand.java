package org.melodist.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.melodist.harmony.HarmonyCorpus;
import org.melodist.harmony.HarmonyTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train-harmony --corpus DIR --out DIR}: trains the chord network on songs with a melody and a chord track. */
@Command(name = "train-harmony", mixinStandardHelpOptions = true,
        description = "Train the harmony model on a folder of MIDI files with a melody track and a chord track (such as "
                + "the Nottingham full/ files). Prints the label distribution and skipped tunes, losses per epoch; saves "
                + "the best checkpoint and the decoder weights chosen on the development tunes.")
final class TrainHarmonyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder of .mid files")
    Path corpus;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model folder to write")
    Path out;

    @Option(names = "--epochs", defaultValue = "40", description = "most epochs (default ${DEFAULT-VALUE}); early stopping may end sooner")
    int epochs;

    @Option(names = "--hidden", defaultValue = "64", description = "LSTM state size per direction (default ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--layers", defaultValue = "2", description = "LSTM layers (default ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--dropout", defaultValue = "0.4", description = "dropout rate (default ${DEFAULT-VALUE})")
    float dropout;

    @Option(names = "--batch", defaultValue = "16", description = "windows per batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--window", defaultValue = "64", description = "beats per training window (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--lr", defaultValue = "0.003", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    float lr;

    @Option(names = "--patience", defaultValue = "4", description = "epochs without development gain before stopping (default ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--max-minutes", defaultValue = "30", description = "wall-clock budget in minutes, 0 for none (default ${DEFAULT-VALUE})")
    double maxMinutes;

    @Option(names = "--seed", defaultValue = "7", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        HarmonyCorpus c = HarmonyCorpus.load(corpus, ps::println);
        ps.println(c.distribution());
        HarmonyTrainer.Options opt = new HarmonyTrainer.Options(hidden, layers, dropout, epochs, batch, window, lr,
                maxMinutes, seed, patience);
        new HarmonyTrainer(ps).train(c, opt, out);
        ps.flush();
        return 0;
    }
}

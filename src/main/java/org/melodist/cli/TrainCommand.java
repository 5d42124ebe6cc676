package org.melodist.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.MelodyEncoding;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModelConfig;
import org.melodist.generate.MelodyTrainer;
import org.melodist.generate.RehearsalTunes;
import org.melodist.generate.TrainingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train --corpus DIR --out DIR [--init MODEL_DIR]}: trains the melody LSTM on a folder of MIDI files, from
 * scratch or by fine-tuning a trained model on a user's style.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the melody model on a folder of MIDI files (the most melodic track of each file, its top "
                + "line), or with --init fine-tune a trained model on them (a style). Prints what was taken or skipped per "
                + "file, the grid losses, tokens/s and losses per epoch; the output folder appears when training ends, "
                + "with the best checkpoint and, for a fine-tune, a generated MODEL_CARD.md.")
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder of .mid files")
    Path corpus;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where config.json and the parameters go")
    Path out;

    @Option(names = "--init", paramLabel = "MODEL_DIR",
            description = "fine-tune this model (its weights, sizes and vocabulary) instead of training from scratch")
    Path init;

    @Option(names = "--validation", paramLabel = "DIR",
            description = "folder of validation files (default: a tenth of --corpus by name hash, or with fewer than 30 files the last bars of each)")
    Path validation;

    @Option(names = "--anchor", paramLabel = "W",
            description = "with --init: weight of an L2 pull toward the starting weights (default ${DEFAULT-VALUE})", defaultValue = "0")
    float anchor;

    @Option(names = "--rehearse", paramLabel = "DIR|self|none",
            description = "with --init: what to rehearse while learning, so the old style is kept: the training split of DIR (the "
                    + "starting model's corpus), 'self' for tunes the starting model writes itself (default), or 'none'")
    String rehearse = "self";

    @Option(names = "--rehearse-share", paramLabel = "S",
            description = "rehearsal windows per window of the new files (default " + RehearsalTunes.DEFAULT_SHARE + ")")
    Double rehearseShare;

    @Option(names = "--distill", negatable = true, paramLabel = "BOOL",
            description = "with --init and rehearsal: learn the rehearsal windows toward the starting model's whole next-step "
                    + "distribution instead of their sampled notes (default: on with --init; --no-distill for the sampled notes)")
    Boolean distill;

    @Option(names = "--calibrate", negatable = true, paramLabel = "BOOL",
            description = "after training, fit one temperature on the validation tunes (the one that gives them the lowest NLL) and fold "
                    + "it into the kept model's output layer (default: on with --init; --no-calibrate to keep the trained weights as they are)")
    Boolean calibrate;

    @Option(names = "--average", paramLabel = "DECAY",
            description = "validate and save a moving average of the weights with this decay per update, e.g. 0.995; 0 for "
                    + "the trained weights themselves (default 0)")
    Float average;

    @Option(names = "--epochs", defaultValue = "30", description = "most epochs (default ${DEFAULT-VALUE}); early stopping may end sooner")
    int epochs;

    @Option(names = "--hidden", defaultValue = "256", description = "LSTM state size (default ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--keys-per-epoch", paramLabel = "N", description = "transpositions of each tune per epoch, 1-12 (default 1; 3 with --init)")
    Integer keysPerEpoch;

    @Option(names = "--own-key", negatable = true, paramLabel = "BOOL",
            description = "every epoch includes each tune in its own key, the other keys drawn at random (default: off)")
    Boolean ownKey;

    @Option(names = "--lr-decay", negatable = true, paramLabel = "BOOL",
            description = "hold the learning rate for the first 60 % of the epochs or the time budget, whichever ends first, then let it "
                    + "fall along a half cosine to 0, instead of halving it after an epoch without a validation gain "
                    + "(default: on with --init, off without; --no-lr-decay turns it off)")
    Boolean lrDecay;

    @Option(names = "--dropout", defaultValue = "0.1", description = "dropout rate while training, with --init too (the starting model's network trained at this rate; default ${DEFAULT-VALUE})")
    float dropout;

    @Option(names = "--batch", paramLabel = "N", description = "rows per batch (default 32; 4 with --init)")
    Integer batch;

    @Option(names = "--window", paramLabel = "STEPS", description = "steps per training row (default 128; 256 with --init)")
    Integer window;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate (default 0.002; 0.001 with --init)")
    Float lr;

    @Option(names = "--patience", paramLabel = "N", description = "epochs without validation gain before stopping (default 3; with --init 30, the epochs: the falling rate ends the run)")
    Integer patience;

    @Option(names = "--max-minutes", paramLabel = "M", description = "wall-clock budget in minutes, 0 for none (default: none; 10 with --init)")
    Double maxMinutes;

    @Option(names = "--members", paramLabel = "N",
            description = "with --init: fine-tune N copies side by side, one thread each, with seeds SEED..SEED+N-1, and join them into one "
                    + "network N times as wide whose logits are their mean (default with --init: 2, which a two-core machine trains in the "
                    + "time of one, or 1 on a single core; 1 fine-tunes the model itself and keeps its size)")
    Integer members;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (average != null && !(average >= 0 && average < 1)) {
            throw new IllegalArgumentException("--average " + average + " is outside [0, 1)");
        }
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        TrainingOptions base = init != null ? TrainingOptions.fineTuneDefaults() : TrainingOptions.defaults();
        TrainingOptions opt = base.withEpochs(epochs).withHidden(hidden).withBatch(batch != null ? batch : base.batchSize(), window != null ? window : base.window()).withMaxMinutes(maxMinutes != null ? maxMinutes : base.maxMinutes())
                .withSeed(seed).withDropout(dropout).withAnchor(anchor)
                .withKeysPerEpoch(keysPerEpoch != null ? keysPerEpoch : base.keysPerEpoch())
                .withOwnKey(ownKey != null ? ownKey : base.ownKey())
                .withLrDecay(lrDecay != null ? lrDecay : base.lrDecay())
                .withLearningRate(lr != null ? lr : base.learningRate())
                .withPatience(patience != null ? patience : base.patience())
                .withDistill(distill != null ? distill : base.distill())
                .withAveraging(average != null ? average : base.averaging())
                .withCalibrate(calibrate != null ? calibrate : base.calibrate());
        if (members != null) {
            if (init == null && members > 1) {
                throw new IllegalArgumentException("--members works with --init (copies of a trained model side by side)");
            }
            opt = opt.withMembers(members);
        }
        MelodyTrainer trainer = new MelodyTrainer(ps).withCommand("melodist " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        MelodyTrainer.Result r;
        double share = rehearseShare != null ? rehearseShare : RehearsalTunes.DEFAULT_SHARE;
        if (init != null) {
            MelodyModelConfig initConfig = MelodyModel.readConfig(init);
            MelodyCorpus c = MelodyCorpus.loadForTraining(corpus, validation, initConfig.encoding(), line -> { });
            c.files().forEach(f -> ps.println(f.line()));
            c.summary().forEach(ps::println);
            switch (rehearse) {
                case "none" -> { }
                case "self" -> trainer.withRehearsal(RehearsalTunes.sampled(init, RehearsalTunes.DEFAULT_TUNES, RehearsalTunes.DEFAULT_BARS, seed), share,
                        "tunes the starting model wrote itself");
                default -> trainer.withRehearsal(MelodyCorpus.load(Path.of(rehearse), initConfig.encoding(), line -> { }).train(), share,
                        "tunes of the training split of " + rehearse);
            }
            r = trainer.fineTune(c, opt, init, out);
        } else {
            MelodyCorpus c = MelodyCorpus.loadForTraining(corpus, validation, MelodyEncoding.DEFAULT, line -> { });
            c.files().forEach(f -> ps.println(f.line()));
            c.summary().forEach(ps::println);
            r = trainer.train(c, opt, out);
        }
        ps.flush();
        if (!r.saved()) {
            spec.commandLine().getErr().println("melodist train: stopped (" + r.stopReason() + ") before a usable checkpoint; nothing was written");
            return 1;
        }
        return 0;
    }
}

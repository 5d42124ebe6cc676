package org.melodist.cli;

import org.melodist.generate.PreferenceTrainer;
import picocli.CommandLine.Option;

/** The preference-learning flags that {@code learn-feedback} and {@code evaluate-feedback} share (a picocli mixin). */
final class PreferenceLearningOptions {

    @Option(names = "--beta", paramLabel = "B", description = "preference strength (default 1.0)")
    Float beta;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate after a one-pass warm-up (default 0.0002)")
    Float lr;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the judgements (default 6)")
    Integer epochs;

    @Option(names = "--rehearse", paramLabel = "DIR|self",
            description = "what to rehearse so the model stays close to the start: the training split of DIR (the starting model's corpus), "
                    + "or 'self' for melodies the starting model writes itself (default: the shared Nottingham melodies when present, else self)")
    String rehearse;

    @Option(names = "--kept-weight", paramLabel = "W", description = "weight of the kept continuations' own NLL (default 1.0)")
    Float keptWeight;

    @Option(names = "--single-weight", paramLabel = "W", description = "weight of continuations judged alone, relative to a pair (default 0.1)")
    Float singleWeight;

    @Option(names = "--rehearsal-weight", paramLabel = "W", description = "weight of the rehearsal NLL that holds the model near the start (default 4.0)")
    Float rehearsalWeight;

    @Option(names = "--end-steps", paramLabel = "N",
            description = "the personal model is told how many steps are left to the end of the continuation it writes, up to N (0: not told; default 32)")
    Integer endSteps;

    /** The trainer's defaults with every flag given applied, and this wall-clock budget. */
    PreferenceTrainer.Options trainerOptions(double maxMinutes) {
        PreferenceTrainer.Options d = PreferenceTrainer.Options.defaults();
        return d.withMaxMinutes(maxMinutes).withBeta(beta != null ? beta : d.beta()).withLearningRate(lr != null ? lr : d.learningRate())
                .withEpochs(epochs != null ? epochs : d.epochs()).withRehearsalWeight(rehearsalWeight != null ? rehearsalWeight : d.rehearsalWeight())
                .withSingleWeight(singleWeight != null ? singleWeight : d.singleWeight())
                .withKeptWeight(keptWeight != null ? keptWeight : d.keptWeight())
                .withEndSteps(endSteps != null ? endSteps : d.endSteps());
    }
}

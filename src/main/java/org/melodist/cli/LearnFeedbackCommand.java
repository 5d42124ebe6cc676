package org.melodist.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodist.SharedData;
import org.melodist.feedback.FeedbackLearning;
import org.melodist.generate.EncodedTune;
import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModels;
import org.melodist.generate.PreferenceTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code learn-feedback --log FILE.jsonl [--model DIR] --out DIR [--max-minutes M]}: a personal model from the musician's choices. */
@Command(name = "learn-feedback", mixinStandardHelpOptions = true,
        description = "Learn a personal melody model from the studio's feedback log (kept and dropped variations): preference "
                + "optimisation against the starting model, which stays the reference, plus the sampling settings the musician "
                + "keeps. Writes a model folder for 'generate --model DIR' and the studio's model picker, with a MODEL_CARD.md.")
final class LearnFeedbackCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "FILE.jsonl", description = "the feedback log (the studio's is feedback.jsonl in the user's data folder)")
    Path log;

    @Option(names = "--model", paramLabel = "DIR", description = "the model to start from and stay close to (default: the shipped models/melody-lstm)")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the personal model goes")
    Path out;

    @Option(names = "--max-minutes", paramLabel = "M", defaultValue = "10", description = "wall-clock budget (default ${DEFAULT-VALUE})")
    double maxMinutes;

    @Option(names = "--held-out", paramLabel = "DIR|none",
            description = "folder of tunes whose validation tenth is scored before and after, for the NLL drift (default: the shared Nottingham melodies when present)")
    String heldOut;








    @CommandLine.Mixin
    PreferenceLearningOptions learning = new PreferenceLearningOptions();

    @Override
    public Integer call() throws Exception {
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        Path base = MelodyModels.resolve(model);
        PreferenceTrainer.Options opt = learning.trainerOptions(maxMinutes);
        List<EncodedTune> tunes = heldOutTunes(heldOut, base);
        FeedbackLearning.Report r = FeedbackLearning.learn(log, base, out, opt, tunes, rehearsalTunes(learning.rehearse, base),
                "melodist " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), ps, new PreferenceTrainer.Listener() { }, t -> { });
        if (!r.result().saved()) {
            spec.commandLine().getErr().println("melodist learn-feedback: stopped (" + r.result().stopReason() + "); no pass was kept, nothing was written");
            return 1;
        }
        ps.printf(Locale.ROOT, "personal model in %s; try it: melodist generate --model %s --temperature %.2f --top-p %.2f ...%n",
                out, out, r.proposal().temperature(), r.proposal().topP());
        ps.flush();
        return 0;
    }

    /** The folk tunes a simulated musician's seeds come from: {@code --corpus} when given, else the shared Nottingham melodies. */
    static Path simulationCorpus(Path given) {
        return given != null ? given : SharedData.data("nottingham/melody").orElseThrow(() ->
                new IllegalArgumentException("no --corpus given and " + SharedData.missingReason("nottingham/melody")));
    }

    /** The training split of {@code spec} (a folder, "self" for null, or null for the shared folk tunes when present, else self). */
    static List<EncodedTune> rehearsalTunes(String spec, Path model) throws java.io.IOException {
        return rehearsalTunes(spec, model, null);
    }

    /**
     * As {@link #rehearsalTunes(String, Path)}, where {@code loaded} (may be null) is a corpus the caller has already loaded
     * with the model's encoding: with no {@code spec} its training split is used, without loading the folder again.
     */
    static List<EncodedTune> rehearsalTunes(String spec, Path model, MelodyCorpus loaded) throws java.io.IOException {
        if ("self".equalsIgnoreCase(spec)) {
            return null;
        }
        if (spec == null && loaded != null) {
            return loaded.train();
        }
        Path dir = spec != null ? Path.of(spec) : SharedData.data("nottingham/melody").orElse(null);
        if (dir == null) {
            return null;
        }
        return MelodyCorpus.load(dir, MelodyModel.readConfig(model).encoding(), line -> { }).train();
    }

    /** The validation tenth of {@code spec} (a folder, "none", or null for the shared folk tunes when present). */
    static List<EncodedTune> heldOutTunes(String spec, Path model) throws java.io.IOException {
        if ("none".equalsIgnoreCase(spec)) {
            return List.of();
        }
        Path dir = spec != null ? Path.of(spec) : SharedData.data("nottingham/melody").orElse(null);
        if (dir == null) {
            return List.of();
        }
        return MelodyCorpus.load(dir, MelodyModel.readConfig(model).encoding(), line -> { }).validation();
    }
}

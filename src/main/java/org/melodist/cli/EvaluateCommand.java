package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodist.SharedData;
import org.melodist.generate.EncodedTune;
import org.melodist.generate.MelodyCorpus;
import org.melodist.generate.MelodyEvaluator;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.MelodyModels;
import org.melodist.generate.MelodyScorer;
import org.melodist.generate.NGramModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate --corpus DIR}: NLL and accuracy of the melody model against n-gram baselines. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score the melody model on the tunes of a folder: per-step negative log-likelihood (nats) and "
                + "next-token accuracy, beside smoothed bigram and 4-gram baselines trained on the training split of the "
                + "baseline corpus (default: the shared Nottingham melodies the model was trained on, else --corpus).")
final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder of .mid tunes to score")
    Path corpus;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped models/melody-lstm)")
    Path model;

    @Option(names = "--tunes", defaultValue = "all", paramLabel = "all|validation",
            description = "score every tune of DIR, or only its fixed validation tenth (default ${DEFAULT-VALUE})")
    String tunes;

    @Option(names = "--baseline-corpus", paramLabel = "DIR", description = "folder whose training split trains the n-grams")
    Path baselineCorpus;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        boolean validationOnly = switch (tunes.toLowerCase(Locale.ROOT)) {
            case "all" -> false;
            case "validation" -> true;
            default -> throw new IllegalArgumentException("--tunes must be 'all' or 'validation', not '" + tunes + "'");
        };
        PrintWriter out = spec.commandLine().getOut();
        try (MelodyModel m = MelodyModel.load(MelodyModels.resolve(model))) {
            MelodyCorpus scored = MelodyCorpus.load(corpus, m.encoding(), line -> { });
            List<EncodedTune> selected = MelodyEvaluator.select(scored, validationOnly);
            if (selected.isEmpty()) {
                throw new IllegalArgumentException(corpus + ": no tunes to score" + (validationOnly ? " in the validation split" : ""));
            }
            Path base = baselineCorpus != null ? baselineCorpus
                    : SharedData.data("nottingham/melody").orElse(corpus);
            MelodyCorpus baseCorpus = base.equals(corpus) ? scored : MelodyCorpus.load(base, m.encoding(), line -> { });
            if (baseCorpus.train().isEmpty()) {
                throw new IllegalArgumentException(base + ": no tunes in the training split to train the n-gram baselines");
            }
            List<NGramModel> baselines = MelodyEvaluator.trainBaselines(baseCorpus.train(), m.encoding());
            MelodyEvaluator.Evaluation e = MelodyEvaluator.evaluate(m, selected, baselines);
            if (json) {
                out.println(e.toJson());
            } else {
                out.printf(Locale.ROOT, "%d tunes, %d steps (baselines trained on the training split of %s, %d tunes in all fitting keys)%n",
                        e.tunes(), e.steps(), base, baseCorpus.train().size());
                line(out, "LSTM", e.model(), e.fourgram());
                line(out, "bigram", e.bigram(), e.fourgram());
                line(out, "4-gram", e.fourgram(), e.fourgram());
            }
        }
        out.flush();
        return 0;
    }

    private static void line(PrintWriter out, String name, MelodyScorer.Score s, MelodyScorer.Score ref) {
        out.printf(Locale.ROOT, "  %-7s NLL %.4f nats/step, accuracy %.4f, NLL %+.1f%% vs 4-gram%n", name, s.nll(), s.accuracy(),
                100 * (s.nll() / ref.nll() - 1));
    }
}

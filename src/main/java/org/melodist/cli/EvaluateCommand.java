package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Option(names = "--model", paramLabel = "DIR",
            description = "model folder (default: the shipped models/melody-lstm); repeat to compare models side by side on the same tunes")
    List<Path> models;

    @Option(names = "--tunes", defaultValue = "all", paramLabel = "all|validation",
            description = "score every tune of DIR, or only its fixed validation tenth (default ${DEFAULT-VALUE})")
    String tunes;

    @Option(names = "--baseline-corpus", paramLabel = "DIR",
            description = "folder whose tunes train the n-grams (all of them; only its training split when it is --corpus itself)")
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
        List<Path> modelDirs = models == null || models.isEmpty() ? java.util.Collections.singletonList(null) : models;
        try (MelodyModel m = MelodyModel.load(MelodyModels.resolve(modelDirs.get(0)))) {
            MelodyCorpus scored = MelodyCorpus.load(corpus, m.encoding(), line -> { });
            List<EncodedTune> selected = MelodyEvaluator.select(scored, validationOnly);
            if (selected.isEmpty()) {
                throw new IllegalArgumentException(corpus + ": no tunes to score" + (validationOnly ? " in the validation split" : ""));
            }
            Path base = baselineCorpus != null ? baselineCorpus
                    : SharedData.data("nottingham/melody").orElse(corpus);
            boolean sameFolder = base.toAbsolutePath().normalize().equals(corpus.toAbsolutePath().normalize());
            MelodyCorpus baseCorpus = sameFolder ? scored : MelodyCorpus.load(base, m.encoding(), line -> { });
            // an explicit, separate baseline folder is all training material; otherwise only its training split
            List<EncodedTune> baseTunes = baselineCorpus != null && !sameFolder ? MelodyEvaluator.select(baseCorpus, false) : baseCorpus.train();
            if (baseTunes.isEmpty()) {
                throw new IllegalArgumentException(base + ": no tunes in the training split to train the n-gram baselines");
            }
            List<NGramModel> baselines = MelodyEvaluator.trainBaselines(baseTunes, m.encoding());
            MelodyEvaluator.Evaluation e = MelodyEvaluator.evaluate(m, selected, baselines);
            List<String> names = new ArrayList<>();
            List<MelodyScorer.Score> scores = new ArrayList<>();
            names.add(modelName(modelDirs.get(0)));
            scores.add(e.model());
            for (Path other : modelDirs.subList(1, modelDirs.size())) {
                try (MelodyModel o = MelodyModel.load(other)) {
                    if (!o.encoding().equals(m.encoding())) {
                        throw new IllegalArgumentException(other + ": its vocabulary differs from " + modelDirs.get(0) + "'s, so the two cannot be compared step by step");
                    }
                    names.add(modelName(other));
                    scores.add(MelodyScorer.score(o, selected));
                }
            }
            if (json) {
                String first = e.toJson();
                if (scores.size() == 1) {
                    out.println(first);
                } else {
                    StringBuilder sb = new StringBuilder(first.substring(0, first.length() - 1)).append(",\"models\":[");
                    for (int i = 0; i < scores.size(); i++) {
                        sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"model\":\"%s\",\"nll\":%.5f,\"accuracy\":%.5f}",
                                names.get(i).replace("\\", "\\\\").replace("\"", "\\\""), scores.get(i).nll(), scores.get(i).accuracy()));
                    }
                    out.println(sb.append("]}"));
                }
            } else {
                out.printf(Locale.ROOT, "%d tunes, %d steps (baselines trained on %s of %s, %d tunes in all fitting keys)%n",
                        e.tunes(), e.steps(), baseTunes == baseCorpus.train() ? "the training split" : "all tunes", base, baseTunes.size());
                int width = Math.max(7, names.stream().mapToInt(String::length).max().orElse(7));
                for (int i = 0; i < scores.size(); i++) {
                    line(out, names.get(i), width, scores.get(i), e.fourgram(), i == 0 ? null : scores.get(0));
                }
                line(out, "bigram", width, e.bigram(), e.fourgram(), null);
                line(out, "4-gram", width, e.fourgram(), e.fourgram(), null);
            }
        }
        out.flush();
        return 0;
    }

    /** "LSTM" for the shipped model, else the model folder's name. */
    private static String modelName(Path dir) {
        return dir == null ? "LSTM" : dir.toAbsolutePath().normalize().getFileName().toString();
    }

    private static void line(PrintWriter out, String name, int width, MelodyScorer.Score s, MelodyScorer.Score ref, MelodyScorer.Score first) {
        out.printf(Locale.ROOT, "  %-" + width + "s NLL %.4f nats/step, accuracy %.4f, NLL %+.1f%% vs 4-gram%s%n", name, s.nll(), s.accuracy(),
                100 * (s.nll() / ref.nll() - 1), first == null ? "" : String.format(Locale.ROOT, ", %+.1f%% vs the first model", 100 * (s.nll() / first.nll() - 1)));
    }
}

package org.melodist.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.melodist.analysis.genre.CrossValidationResult;
import org.melodist.analysis.genre.GenreDataset;
import org.melodist.analysis.genre.GenreModelKind;
import org.melodist.analysis.genre.GenreTrainer;
import org.melodist.analysis.genre.TrainingReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train-genre --csv FILE --out DIR}: cross-validates the genre models and saves the best one. */
@Command(name = "train-genre", mixinStandardHelpOptions = true,
        description = "Train the genre classifier on a GTZAN feature table (features_30_sec.csv): compare models "
                + "by stratified cross-validation, fit the best on all rows, write the model folder with its "
                + "MODEL_CARD.md.")
final class TrainGenreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the feature table")
    Path csv;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model folder to write")
    Path out;

    @Option(names = "--folds", defaultValue = "10", paramLabel = "N", description = "cross-validation folds (default ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "N", description = "seed for folds and models (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "models to compare, comma-separated: random-forest, gradient-boost, svm-rbf, logistic "
                    + "(default: all)")
    List<String> models;

    @Option(names = "--select-by-train", paramLabel = "LIST",
            description = "with --select-by-test: a held-out split (lists of file names, as for evaluate-genre) to "
                    + "choose the shipped model by, instead of the cross-validation figure")
    Path selectTrain;

    @Option(names = "--select-by-test", paramLabel = "LIST", description = "the test side of that split")
    Path selectTest;

    @Override
    public Integer call() throws Exception {
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be at least 2, got " + folds);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
        }
        List<GenreModelKind> kinds = models == null || models.isEmpty() ? GenreTrainer.DEFAULT_CANDIDATES
                : models.stream().map(String::strip).map(GenreModelKind::fromCliName).distinct().toList();
        if ((selectTrain == null) != (selectTest == null)) {
            throw new IllegalArgumentException("--select-by-train and --select-by-test go together");
        }
        GenreDataset data = GenreDataset.read(csv);
        GenreTrainer.SelectionSplit selectBy = null;
        if (selectTrain != null) {
            int[] train = ClipLists.rows(selectTrain, data, "--select-by-train");
            int[] test = ClipLists.rows(selectTest, data, "--select-by-test");
            ClipLists.requireDisjoint(train, test, data, "--select-by-train", "--select-by-test");
            selectBy = new GenreTrainer.SelectionSplit(selectTrain.toString(), selectTest.toString(),
                    ClipLists.headerComment(selectTest), train, test);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %d rows, %d features, %d genres; stratified %d-fold cross-validation, seed %d%n",
                csv.getFileName(), data.size(), data.featureNames().size(), data.genres().size(), folds, seed);
        w.flush();
        GenreTrainer trainer = new GenreTrainer(folds, seed, kinds);
        TrainingReport report = trainer.train(data, r -> {
            if (r.foldAccuracies().length == 1) {
                w.printf(Locale.ROOT, "%-15s held-out split %5.1f %%  %6.1f s%n", r.kind().cliName(),
                        100 * r.accuracy(), r.seconds());
            } else {
                w.printf(Locale.ROOT, "%-15s accuracy %5.1f %% (fold sd %4.1f)  %6.1f s%n", r.kind().cliName(),
                        100 * r.accuracy(), 100 * r.foldAccuracyStdDev(), r.seconds());
            }
            w.flush();
        }, selectBy);
        printPerClass(w, report);
        report.save(out, csv);
        w.printf(Locale.ROOT, "best: %s (%.1f %% %s), fitted on all %d rows in %.1f s; saved to %s%n",
                report.winner().cliName(), 100 * report.split().map(sp -> sp.results().stream()
                        .filter(r -> r.kind() == report.winner()).findFirst().orElseThrow().accuracy())
                        .orElse(report.winnerResult().accuracy()),
                report.split().isPresent() ? "on the held-out split" : "in cross-validation", report.rows(),
                report.fitSeconds(), out);
        w.flush();
        return 0;
    }

    private static void printPerClass(PrintWriter w, TrainingReport report) {
        List<String> genres = report.results().get(0).genres();
        w.printf("%-10s", "genre");
        for (CrossValidationResult r : report.results()) {
            w.printf(" %15s", r.kind().cliName());
        }
        w.println();
        for (int g = 0; g < genres.size(); g++) {
            w.printf("%-10s", genres.get(g));
            for (CrossValidationResult r : report.results()) {
                w.printf(Locale.ROOT, " %13.0f %%", 100 * r.perClassAccuracy()[g]);
            }
            w.println();
        }
        w.println("confusion matrix of " + report.winner().cliName() + " (rows: true, columns: predicted):");
        int[][] c = report.winnerResult().confusion();
        for (int t = 0; t < genres.size(); t++) {
            w.printf("%-10s %s%n", genres.get(t), Arrays.toString(c[t]));
        }
    }
}

package org.melodist.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.melodist.analysis.genre.CrossValidationResult;
import org.melodist.analysis.genre.GenreDataset;
import org.melodist.analysis.genre.GenreModelKind;
import org.melodist.analysis.genre.GenreTrainer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate-genre --csv FILE --train LIST --test LIST [--json]}: each genre model trained on the train
 * list only and scored on the test list, for splits that keep artists or recordings apart (random folds over
 * GTZAN put excerpts of one recording on both sides and flatter every model).
 */
@Command(name = "evaluate-genre", mixinStandardHelpOptions = true,
        description = "Accuracy and confusion of each genre model trained on the clips of --train only and tested "
                + "on the clips of --test (lists of file names from the table's filename column, one per line; "
                + "# starts a comment).")
final class EvaluateGenreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the feature table")
    Path csv;

    @Option(names = "--train", required = true, paramLabel = "LIST", description = "file names to train on")
    Path trainList;

    @Option(names = "--test", required = true, paramLabel = "LIST", description = "file names to test on")
    Path testList;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "models to evaluate: random-forest, gradient-boost, svm-rbf, logistic (default: all)")
    List<String> models;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "N", description = "seed for the models (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        GenreDataset data = GenreDataset.read(csv);
        int[] train = ClipLists.rows(trainList, data, "--train");
        int[] test = ClipLists.rows(testList, data, "--test");
        ClipLists.requireDisjoint(train, test, data, "--train", "--test");
        List<GenreModelKind> kinds = models == null || models.isEmpty() ? GenreTrainer.DEFAULT_CANDIDATES
                : models.stream().map(String::strip).map(GenreModelKind::fromCliName).distinct().toList();
        GenreTrainer trainer = new GenreTrainer(GenreTrainer.DEFAULT_FOLDS, seed, kinds);
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "%s: trained on %d clips (%s), tested on %d clips (%s)%n", csv.getFileName(),
                    train.length, trainList.getFileName(), test.length, testList.getFileName());
            out.flush();
        }
        List<CrossValidationResult> results = new ArrayList<>();
        for (GenreModelKind kind : kinds) {
            CrossValidationResult r = trainer.evaluateSplit(data, train, test, kind);
            results.add(r);
            if (!json) {
                out.printf(Locale.ROOT, "  %-15s %5.1f %%  (%.0f s)%n", kind.cliName(), 100 * r.accuracy(), r.seconds());
                out.flush();
            }
        }
        CrossValidationResult best = results.stream()
                .max((a, b) -> Double.compare(a.accuracy(), b.accuracy())).orElseThrow();
        if (json) {
            out.println(toJson(data, train.length, test.length, results));
        } else {
            out.printf(Locale.ROOT, "best: %s %.1f %%; confusion (rows: true genre, columns: predicted, in the order %s):%n",
                    best.kind().cliName(), 100 * best.accuracy(), String.join(", ", data.genres()));
            int[][] c = best.confusion();
            for (int g = 0; g < c.length; g++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s", data.genres().get(g)));
                for (int v : c[g]) {
                    line.append(String.format(Locale.ROOT, "%4d", v));
                }
                out.println(line);
            }
        }
        out.flush();
        return 0;
    }

    private static String toJson(GenreDataset data, int trainSize, int testSize, List<CrossValidationResult> results)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("train", trainSize);
        root.put("test", testSize);
        ArrayNode genres = root.putArray("genres");
        data.genres().forEach(genres::add);
        ArrayNode models = root.putArray("models");
        for (CrossValidationResult r : results) {
            ObjectNode m = models.addObject();
            m.put("model", r.kind().cliName());
            m.put("accuracy", r.accuracy());
            ArrayNode confusion = m.putArray("confusion");
            for (int[] row : r.confusion()) {
                ArrayNode a = confusion.addArray();
                for (int v : row) {
                    a.add(v);
                }
            }
        }
        return mapper.writeValueAsString(root);
    }
}

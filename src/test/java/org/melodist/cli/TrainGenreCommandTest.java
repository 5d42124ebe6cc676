package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;
import org.melodist.analysis.genre.GenreClassifier;

class TrainGenreCommandTest {

    private static final String TABLE = "gtzan-features/features_30_sec.csv";

    @TempDir
    Path tmp;

    @Test
    void isListedInHelp() {
        CliRun r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("train-genre"), r.out());
    }

    @Test
    void badArgumentsExitWithTwoAndOneLine() throws IOException {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "filename,a,label\nx,1,rock\ny,2,pop\n");
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        assertBad(run("train-genre", "--out", tmp.toString()), "--csv");
        assertBad(run("train-genre", "--csv", tmp.resolve("absent.csv").toString(), "--out", tmp.resolve("m").toString()),
                "absent.csv: no such file");
        assertBad(run("train-genre", "--csv", csv.toString(), "--out", tmp.resolve("m").toString(), "--folds", "1"),
                "--folds must be at least 2");
        assertBad(run("train-genre", "--csv", csv.toString(), "--out", tmp.resolve("m").toString(), "--folds", "ten"),
                "ten");
        assertBad(run("train-genre", "--csv", csv.toString(), "--out", file.toString()), "is a file");
        assertBad(run("train-genre", "--csv", csv.toString(), "--out", tmp.resolve("m").toString(), "--models", "knn"),
                "unknown genre model 'knn'");
        assertBad(run("train-genre", "--csv", csv.toString(), "--out", tmp.resolve("m").toString()),
                "fewer than the 10 folds");
        assertBad(run("train-genre", "--csv", csv.toString(), "--out", tmp.resolve("m").toString(),
                "--select-by-train", file.toString()), "--select-by-train and --select-by-test go together");
        assertTrue(Files.notExists(tmp.resolve("m")), "nothing is written when training fails");
    }

    @Test
    void trainsOnASmallTableAndWritesALoadableModel() throws Exception {
        // 12 clips per genre keep this quick on a 2-core CI machine.
        List<String> lines = Files.readAllLines(gtzanTable());
        List<String> small = new ArrayList<>(List.of(lines.get(0)));
        for (int g = 0; g < 10; g++) {
            small.addAll(lines.subList(1 + g * 100, 13 + g * 100));
        }
        Path csv = Files.write(tmp.resolve("small.csv"), small);
        Path out = tmp.resolve("model");
        CliRun r = run("train-genre", "--csv", csv.toString(), "--out", out.toString(), "--folds", "3", "--seed", "9",
                "--models", "logistic,svm-rbf");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("120 rows, 57 features, 10 genres"), r.out());
        assertTrue(r.out().contains("logistic") && r.out().contains("svm-rbf") && r.out().contains("accuracy"),
                r.out());
        assertTrue(r.out().contains("confusion matrix"), r.out());
        assertTrue(r.out().contains("reggae"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("MODEL_CARD.md")));
        assertEquals(10, GenreClassifier.load(out).genres().size());
    }

    @Test
    void choosesTheShippedModelByAHeldOutSplitWhenGivenOne() throws Exception {
        List<String> lines = Files.readAllLines(gtzanTable());
        List<String> small = new ArrayList<>(List.of(lines.get(0)));
        List<String> train = new ArrayList<>(List.of("# the training side"));
        List<String> test = new ArrayList<>(List.of("# Blocked test split for this test.", "# Second line."));
        for (int g = 0; g < 10; g++) {
            for (int i = 0; i < 12; i++) {
                String row = lines.get(1 + g * 100 + i);
                small.add(row);
                (i < 8 ? train : test).add(row.substring(0, row.indexOf(',')));
            }
        }
        Path csv = Files.write(tmp.resolve("small.csv"), small);
        Path trainList = Files.write(tmp.resolve("train.txt"), train);
        Path testList = Files.write(tmp.resolve("test.txt"), test);
        Path out = tmp.resolve("model");
        CliRun r = run("train-genre", "--csv", csv.toString(), "--out", out.toString(), "--folds", "3", "--seed", "9",
                "--models", "logistic,svm-rbf", "--select-by-train", trainList.toString(), "--select-by-test",
                testList.toString());
        assertEquals(0, r.code(), r.err());
        double logistic = splitAccuracy(r.out(), "logistic");
        double svm = splitAccuracy(r.out(), "svm-rbf");
        // a tie on the split goes to the better cross-validation figure, which this test does not parse
        Assumptions.assumeTrue(svm != logistic, "the two models tie on this small split");
        String expected = svm > logistic ? "svm-rbf" : "logistic";
        assertTrue(r.out().contains("best: " + expected + " (") && r.out().contains("on the held-out split"), r.out());
        String card = Files.readString(out.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("Shipped model: **" + expected + "**, chosen by its accuracy on a held-out split"),
                card);
        assertTrue(card.contains("Blocked test split for this test. Second line."), card);
        assertTrue(card.contains("--select-by-train " + trainList + " --select-by-test " + testList), card);
        assertEquals(expected, GenreClassifier.load(out).modelName());
    }

    /** The GTZAN feature table from ../shared, or the test is skipped with the reason printed. */
    private static Path gtzanTable() {
        Optional<Path> full = SharedData.data(TABLE);
        if (full.isEmpty()) {
            System.out.println(SharedData.missingReason(TABLE));
        }
        Assumptions.assumeTrue(full.isPresent(), SharedData.missingReason(TABLE));
        return full.get();
    }

    private static double splitAccuracy(String out, String model) {
        return out.lines().filter(l -> l.startsWith(model + " ") && l.contains("held-out split"))
                .map(l -> l.replaceAll(".*held-out split\\s+([0-9.]+) %.*", "$1")).mapToDouble(Double::parseDouble)
                .findFirst().orElseThrow(() -> new AssertionError("no split figure for " + model + ": " + out));
    }

    private static void assertBad(CliRun r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        String first = r.err().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("melodist train-genre: "), r.err());
        assertTrue(first.contains(expected), first);
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}

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
        assertTrue(Files.notExists(tmp.resolve("m")), "nothing is written when training fails");
    }

    @Test
    void trainsOnASmallTableAndWritesALoadableModel() throws Exception {
        Optional<Path> full = SharedData.data(TABLE);
        if (full.isEmpty()) {
            System.out.println(SharedData.missingReason(TABLE));
        }
        Assumptions.assumeTrue(full.isPresent(), SharedData.missingReason(TABLE));
        // 12 clips per genre keep this quick on a 2-core CI machine.
        List<String> lines = Files.readAllLines(full.get());
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

    private static void assertBad(CliRun r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        String first = r.err().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("melodist train-genre: "), r.err());
        assertTrue(first.contains(expected), first);
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}

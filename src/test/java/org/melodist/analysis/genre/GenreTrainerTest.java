package org.melodist.analysis.genre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenreTrainerTest {

    @TempDir
    Path tmp;

    @Test
    void crossValidationOnASmallSubsetBeatsChanceForEveryModel() throws Exception {
        GenreDataset small = GtzanTable.firstPerGenre(GtzanTable.dataset(), 15);
        GenreTrainer trainer = new GenreTrainer(3, 11, List.of(GenreModelKind.values()));
        for (GenreModelKind kind : List.of(GenreModelKind.SVM_RBF, GenreModelKind.LOGISTIC,
                GenreModelKind.RANDOM_FOREST)) {
            CrossValidationResult r = trainer.crossValidate(small, kind);
            int total = Arrays.stream(r.confusion()).flatMapToInt(Arrays::stream).sum();
            assertEquals(small.size(), total, "every row is tested exactly once");
            assertEquals(3, r.foldAccuracies().length);
            // Chance is 10 %; even 100 training rows carry the genre signal.
            assertTrue(r.accuracy() > 0.3, kind + ": " + r.accuracy());
            double meanFold = Arrays.stream(r.foldAccuracies()).average().orElseThrow();
            assertEquals(r.accuracy(), meanFold, 0.01, "equal folds: pooled and mean accuracy agree");
            for (int g = 0; g < 10; g++) {
                assertEquals((double) r.confusion()[g][g] / 15, r.perClassAccuracy()[g], 1e-12);
            }
        }
    }

    @Test
    void trainSavesTheBestModelWithItsCardAndLoadsBackIdentically() throws Exception {
        Path csv = GtzanTable.require();
        GenreDataset small = GtzanTable.firstPerGenre(GenreDataset.read(csv), 12);
        GenreTrainer trainer = new GenreTrainer(3, 5, List.of(GenreModelKind.LOGISTIC, GenreModelKind.SVM_RBF));
        List<CrossValidationResult> seen = new ArrayList<>();
        TrainingReport report = trainer.train(small, seen::add);
        assertEquals(2, seen.size());
        double best = Math.max(seen.get(0).accuracy(), seen.get(1).accuracy());
        assertEquals(best, report.winnerResult().accuracy(), 0.0);

        Path dir = tmp.resolve("model");
        report.save(dir, csv);
        GenreClassifier loaded = GenreClassifier.load(dir);
        GenreClassifier fresh = report.classifier();
        assertEquals(report.winner().cliName(), loaded.modelName());
        assertEquals(small.featureNames(), loaded.featureNames());
        for (int i = 0; i < small.size(); i += 7) {
            assertEquals(fresh.predict(GtzanTable.features(small, i)), loaded.predict(GtzanTable.features(small, i)));
        }

        JsonNode json = new ObjectMapper().readTree(dir.resolve(GenreModelStore.JSON_FILE).toFile());
        assertEquals(57, json.get("features").size());
        assertEquals("chroma_stft_mean", json.get("features").get(0).asText());
        assertEquals(10, json.get("genres").size());
        assertEquals(57, json.get("scaler").get("mean").size());
        FeatureScaler expected = FeatureScaler.fit(small.rows());
        assertEquals(expected.means()[18], json.get("scaler").get("mean").get(18).asDouble(), 0.0);
        assertEquals(expected.scales()[18], json.get("scaler").get("scale").get(18).asDouble(), 0.0);

        String card = Files.readString(dir.resolve("MODEL_CARD.md"));
        for (String must : List.of("GTZAN", "research collection", "Sturm", "Confusion matrix", "How to retrain",
                "train-genre", "logistic", "svm-rbf", "| reggae |")) {
            assertTrue(card.contains(must), "model card lacks " + must);
        }
    }

    @Test
    void foldsMustNotOutnumberAGenresRows() throws Exception {
        GenreDataset tiny = GtzanTable.firstPerGenre(GtzanTable.dataset(), 4);
        GenreTrainer trainer = new GenreTrainer(5, 1, List.of(GenreModelKind.LOGISTIC));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.crossValidate(tiny, GenreModelKind.LOGISTIC));
        assertTrue(e.getMessage().contains("fewer than the 5 folds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GenreTrainer(1, 1, List.of(GenreModelKind.LOGISTIC)));
    }

    @Test
    void theStandardisationOfAFoldIgnoresItsTestRows() throws Exception {
        // If test rows leaked into the scaler, an absurd outlier in one fold's test rows would shift every
        // other row's scaled values and change that fold's predictions for the ordinary rows.
        GenreDataset small = GtzanTable.firstPerGenre(GtzanTable.dataset(), 10);
        GenreTrainer trainer = new GenreTrainer(2, 3, List.of(GenreModelKind.LOGISTIC));
        CrossValidationResult clean = trainer.crossValidate(small, GenreModelKind.LOGISTIC);
        int[][] folds = StratifiedFolds.split(small.genreIndices(), 2, 3);
        double[][] rows = small.rows();
        int victim = folds[0][0];
        Arrays.fill(rows[victim], 1e12);
        GenreDataset poisoned = GenreDataset.of(small.featureNames(), small.genres(), small.clipNames(), rows,
                small.genreIndices());
        CrossValidationResult dirty = trainer.crossValidate(poisoned, GenreModelKind.LOGISTIC);
        // Fold 1 trains on fold 0's rows (victim included) so it may change; fold 0 tests the victim but must
        // otherwise score exactly as before.
        double fold0Clean = clean.foldAccuracies()[0] * folds[0].length;
        double fold0Dirty = dirty.foldAccuracies()[0] * folds[0].length;
        assertTrue(Math.abs(fold0Clean - fold0Dirty) <= 1.0 + 1e-9,
                "only the poisoned row itself may change fold 0's score: " + fold0Clean + " vs " + fold0Dirty);
    }
}

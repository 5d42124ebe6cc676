package org.melodist.analysis.genre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.AppPaths;

/** The shipped model in models/genre, through the public API. */
class GenreClassifierTest {

    private static final List<String> GENRES = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");
    private static GenreClassifier shipped;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadShipped() throws GenreModelException {
        shipped = GenreClassifier.loadDefault();
    }

    @Test
    void theShippedModelReproducesTheTrainingLabels() throws Exception {
        GenreDataset data = GtzanTable.dataset();
        assertEquals(data.featureNames(), shipped.featureNames());
        assertEquals(GENRES, shipped.genres());
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            GenrePrediction p = shipped.predict(GtzanTable.features(data, i));
            assertValid(p);
            if (p.label().equals(data.genres().get(data.genreOf(i)))) {
                right++;
            }
        }
        System.out.println("shipped genre model (" + shipped.modelName() + ") on its training rows: " + right
                + " of 1000 right");
        // These rows are its training data, so the fitted model gets clearly more of them right than it does
        // of rows it never saw (its cross-validated accuracy, recorded beside it); a model that was not fitted
        // on this table, or features read in the wrong order, would not
        double crossValidated = new ObjectMapper().readTree(AppPaths.model("genre").orElseThrow()
                .resolve(GenreModelStore.JSON_FILE).toFile()).path("training").path("crossValidationAccuracy")
                .path(shipped.modelName()).asDouble();
        assertTrue(crossValidated > 0.5, "cross-validated accuracy of the shipped model: " + crossValidated);
        assertTrue(right >= 1000 * crossValidated + 50, "training rows right: " + right + " of 1000, against "
                + crossValidated + " cross-validated");
    }

    @Test
    void refittingTheShippedModelKindWithItsSeedReproducesIt() throws Exception {
        // The final fit is cheap; the cross-validation that chose it is what train-genre spends its time on.
        GenreDataset data = GtzanTable.dataset();
        JsonNode json = new ObjectMapper().readTree(AppPaths.model("genre").orElseThrow()
                .resolve(GenreModelStore.JSON_FILE).toFile());
        GenreModelKind kind = GenreModelKind.fromCliName(json.get("model").asText());
        GenreClassifier refit = new GenreClassifier(GenreModel.fit(data, kind, json.get("training").get("seed").asLong()));
        for (int i = 0; i < data.size(); i += 3) {
            Map<String, Double> features = GtzanTable.features(data, i);
            GenrePrediction a = shipped.predict(features);
            GenrePrediction b = refit.predict(features);
            // Tolerance, not identity: the JIT may evaluate exp() differently on another CPU.
            for (String g : GENRES) {
                assertEquals(a.probability(g), b.probability(g), 1e-6, "row " + i + ", " + g);
            }
        }
    }

    @Test
    void aWindowAtTheAverageFeaturesGetsValidProbabilities() throws Exception {
        JsonNode json = new ObjectMapper().readTree(AppPaths.model("genre").orElseThrow()
                .resolve(GenreModelStore.JSON_FILE).toFile());
        Map<String, Double> features = new HashMap<>();
        for (int i = 0; i < json.get("features").size(); i++) {
            features.put(json.get("features").get(i).asText(), json.get("scaler").get("mean").get(i).asDouble());
        }
        features.put("length", 661794.0);
        GenrePrediction p = shipped.predict(features);
        assertValid(p);
    }

    @Test
    void windowsAreCombinedByAveragingTheirProbabilities() throws Exception {
        GenreDataset data = GtzanTable.dataset();
        List<Map<String, Double>> windows = List.of(GtzanTable.features(data, 3), GtzanTable.features(data, 250),
                GtzanTable.features(data, 777));
        WindowedGenrePrediction w = shipped.predictWindows(windows);
        assertEquals(3, w.windows().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(shipped.predict(windows.get(i)), w.windows().get(i));
        }
        for (String g : GENRES) {
            double mean = w.windows().stream().mapToDouble(p -> p.probability(g)).sum() / 3;
            assertEquals(mean, w.combined().probability(g), 1e-12);
        }
        assertValid(w.combined());
        WindowedGenrePrediction one = shipped.predictWindows(List.of(windows.get(0)));
        assertEquals(one.windows().get(0), one.combined());
    }

    @Test
    void missingOrInvalidFeaturesAreNamed() {
        Map<String, Double> features = new LinkedHashMap<>();
        shipped.featureNames().forEach(n -> features.put(n, 1.0));
        features.remove("tempo");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shipped.predict(features));
        assertTrue(e.getMessage().contains("tempo"), e.getMessage());
        features.put("tempo", Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> shipped.predict(features));
        assertTrue(e.getMessage().contains("tempo") && e.getMessage().contains("finite"), e.getMessage());
        features.put("tempo", 120.0);
        e = assertThrows(IllegalArgumentException.class, () -> shipped.predictWindows(List.of(features, Map.of())));
        assertTrue(e.getMessage().startsWith("window 2: genre features missing: chroma_stft_mean"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> shipped.predictWindows(List.of()));
    }

    @Test
    void concurrentPredictionsMatchSequentialOnes() throws Exception {
        GenreDataset data = GtzanTable.dataset();
        List<GenrePrediction> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(shipped.predict(GtzanTable.features(data, i * 5)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int k = 0; k < 200; k++) {
                        int i = (k + offset * 37) % 200;
                        if (!shipped.predict(GtzanTable.features(data, i * 5)).equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : runs) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingOrDamagedModelFoldersGiveClearErrors() throws Exception {
        GenreModelException e = assertThrows(GenreModelException.class,
                () -> GenreClassifier.load(tmp.resolve("nowhere")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(GenreModelException.class, () -> GenreClassifier.load(empty));
        assertTrue(e.getMessage().contains("has no genre-model"), e.getMessage());

        Path source = AppPaths.model("genre").orElseThrow();
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        for (String f : List.of(GenreModelStore.JSON_FILE, GenreModelStore.MODEL_FILE)) {
            Files.copy(source.resolve(f), copy.resolve(f));
        }
        assertEquals(shipped.genres(), GenreClassifier.load(copy).genres());
        byte[] bytes = Files.readAllBytes(copy.resolve(GenreModelStore.MODEL_FILE));
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(copy.resolve(GenreModelStore.MODEL_FILE), bytes);
        e = assertThrows(GenreModelException.class, () -> GenreClassifier.load(copy));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aModelFileHoldingForeignClassesIsRefusedBeforeItIsBuilt() throws Exception {
        // A serialised object of a class outside Smile, the JDK base and our genre package, given a matching
        // checksum, must still be rejected by the deserialisation filter.
        Path dir = Files.createDirectories(tmp.resolve("foreign"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new java.sql.Timestamp(0));
        }
        Files.write(dir.resolve(GenreModelStore.MODEL_FILE), bytes.toByteArray());
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper
                .readTree(AppPaths.model("genre").orElseThrow().resolve(GenreModelStore.JSON_FILE).toFile());
        json.put("modelSha256", GenreModelStore.sha256(bytes.toByteArray()));
        mapper.writeValue(dir.resolve(GenreModelStore.JSON_FILE).toFile(), json);
        GenreModelException e = assertThrows(GenreModelException.class, () -> GenreClassifier.load(dir));
        assertTrue(e.getMessage().contains("not a model this version can read"), e.getMessage());
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }

    @Test
    void loadDefaultExplainsWhereItLookedWhenNoModelIsInstalled() throws Exception {
        String before = System.getProperty(AppPaths.MODELS_PROPERTY);
        Path emptyModels = Files.createDirectories(tmp.resolve("models"));
        try {
            System.setProperty(AppPaths.MODELS_PROPERTY, emptyModels.toString());
            GenreModelException e = assertThrows(GenreModelException.class, GenreClassifier::loadDefault);
            assertTrue(e.getMessage().contains("not installed") && e.getMessage().contains(emptyModels.toString()),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(AppPaths.MODELS_PROPERTY);
            } else {
                System.setProperty(AppPaths.MODELS_PROPERTY, before);
            }
        }
        assertTrue(AppPaths.model("genre").isPresent(), "the property is restored");
    }

    private static void assertValid(GenrePrediction p) {
        assertEquals(GENRES, List.copyOf(p.probabilities().keySet()));
        double sum = 0;
        double max = -1;
        for (double v : p.probabilities().values()) {
            assertTrue(v >= 0 && v <= 1, "probability " + v);
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals(max, p.probability(p.label()), 0.0);
    }
}

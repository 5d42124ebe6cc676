package org.melodist.analysis.genre;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.melodist.AppPaths;

/**
 * Predicts the genre of a recording from its GTZAN-style summary features (the columns of
 * {@code features_30_sec.csv}, computed on a 30-second window). Immutable once loaded, so one instance
 * may serve many threads at once.
 */
public final class GenreClassifier {

    /** The folder name of the shipped model under {@code models/}. */
    public static final String MODEL_NAME = "genre";

    private final GenreModel model;

    GenreClassifier(GenreModel model) {
        this.model = model;
    }

    /** Loads a model folder written by {@code train-genre}. */
    public static GenreClassifier load(Path dir) throws GenreModelException {
        return new GenreClassifier(GenreModelStore.load(dir));
    }

    /** Loads the model shipped in {@code models/genre}. */
    public static GenreClassifier loadDefault() throws GenreModelException {
        Path dir = AppPaths.model(MODEL_NAME).orElseThrow(() -> new GenreModelException(
                "the genre model (models/" + MODEL_NAME + ") is not installed; " + AppPaths.modelsSearchDescription()));
        return load(dir);
    }

    /** The feature names the model reads, in the order of the training table. */
    public List<String> featureNames() {
        return model.featureNames();
    }

    /** The genres the model knows, in the order probabilities are reported. */
    public List<String> genres() {
        return model.genres();
    }

    /** Which kind of model was shipped, e.g. {@code random-forest}. */
    public String modelName() {
        return model.kind().cliName();
    }

    /**
     * The genre of one window. {@code features} must hold every name of {@link #featureNames()} with a
     * finite value; other keys are ignored.
     *
     * @throws IllegalArgumentException naming the missing or invalid features
     */
    public GenrePrediction predict(Map<String, Double> features) {
        List<String> names = model.featureNames();
        double[] row = new double[names.size()];
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            Double v = features.get(names.get(i));
            if (v == null) {
                missing.add(names.get(i));
            } else if (!Double.isFinite(v)) {
                invalid.add(names.get(i));
            } else {
                row[i] = v;
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("genre features missing: " + summarise(missing) + " (needs all "
                    + names.size() + " columns of features_30_sec.csv)");
        }
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("genre features not finite: " + summarise(invalid));
        }
        return GenrePrediction.of(model.genres(), model.probabilities(row));
    }

    /**
     * The genre of each successive window of a long recording, and of the whole recording as the average
     * of the windows' probabilities.
     */
    public WindowedGenrePrediction predictWindows(List<Map<String, Double>> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no windows to classify");
        }
        List<GenrePrediction> each = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            try {
                each.add(predict(windows.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("window " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new WindowedGenrePrediction(each, GenrePrediction.average(each));
    }

    private static String summarise(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}

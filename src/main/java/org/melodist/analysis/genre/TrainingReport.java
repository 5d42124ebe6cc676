package org.melodist.analysis.genre;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The outcome of {@link GenreTrainer#train}: every model's cross-validation and the fitted winner. */
public final class TrainingReport {

    private final GenreModel model;
    private final List<CrossValidationResult> results;
    private final GenreModelKind winner;
    private final int folds;
    private final long seed;
    private final int rows;
    private final double fitSeconds;
    private final SplitFigures split;

    /**
     * Each model's accuracy on the held-out split the shipped model was chosen by: the list files, where the
     * split comes from, its sizes, and {@code results} in the order of {@link #results()}.
     */
    public record SplitFigures(String trainList, String testList, String description, int trainRows, int testRows,
            List<CrossValidationResult> results) {
        public SplitFigures {
            results = List.copyOf(results);
        }
    }

    TrainingReport(GenreModel model, List<CrossValidationResult> results, GenreModelKind winner, int folds,
            long seed, int rows, double fitSeconds, SplitFigures split) {
        this.model = model;
        this.results = List.copyOf(results);
        this.winner = winner;
        this.folds = folds;
        this.seed = seed;
        this.rows = rows;
        this.fitSeconds = fitSeconds;
        this.split = split;
    }

    /** The held-out split the winner was chosen by, or empty when it was chosen by cross-validation. */
    public java.util.Optional<SplitFigures> split() {
        return java.util.Optional.ofNullable(split);
    }

    public List<CrossValidationResult> results() {
        return results;
    }

    public GenreModelKind winner() {
        return winner;
    }

    public CrossValidationResult winnerResult() {
        return results.stream().filter(r -> r.kind() == winner).findFirst().orElseThrow();
    }

    public int folds() {
        return folds;
    }

    public long seed() {
        return seed;
    }

    public int rows() {
        return rows;
    }

    /** Seconds taken to fit the winner on all rows (after cross-validation). */
    public double fitSeconds() {
        return fitSeconds;
    }

    /** A classifier using the fitted winner, without saving it first. */
    public GenreClassifier classifier() {
        return new GenreClassifier(model);
    }

    /**
     * Writes the model folder: the serialised model, its JSON description and MODEL_CARD.md. Each file is
     * written atomically; {@code csv} is the table it was trained on, recorded by name and checksum.
     */
    public void save(Path dir, Path csv) throws IOException {
        GenreModelStore.save(dir, model, this, csv);
    }

    GenreModel model() {
        return model;
    }
}

package org.melodist.analysis.genre;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares genre models by stratified k-fold cross-validation and fits the best one on all rows.
 * In every fold the standardisation is fitted on the training rows only, so no test row leaks into
 * the model it is scored by.
 */
public final class GenreTrainer {

    private static final System.Logger LOG = System.getLogger(GenreTrainer.class.getName());

    /** The comparison the shipped model came from. */
    public static final List<GenreModelKind> DEFAULT_CANDIDATES = List.of(GenreModelKind.RANDOM_FOREST,
            GenreModelKind.GRADIENT_BOOST, GenreModelKind.SVM_RBF, GenreModelKind.LOGISTIC);
    public static final int DEFAULT_FOLDS = 10;
    public static final long DEFAULT_SEED = 7;

    private final int folds;
    private final long seed;
    private final List<GenreModelKind> candidates;

    public GenreTrainer(int folds, long seed, List<GenreModelKind> candidates) {
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be at least 2, got " + folds);
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no models to compare");
        }
        this.folds = folds;
        this.seed = seed;
        this.candidates = List.copyOf(candidates);
    }

    public GenreTrainer() {
        this(DEFAULT_FOLDS, DEFAULT_SEED, DEFAULT_CANDIDATES);
    }

    public int folds() {
        return folds;
    }

    public long seed() {
        return seed;
    }

    /** Cross-validates one model kind; every kind sees the same folds for a given seed. */
    public CrossValidationResult crossValidate(GenreDataset data, GenreModelKind kind) {
        int k = data.genres().size();
        int[] smallest = new int[k];
        for (int i = 0; i < data.size(); i++) {
            smallest[data.genreOf(i)]++;
        }
        for (int g = 0; g < k; g++) {
            if (smallest[g] < folds) {
                throw new IllegalArgumentException("genre '" + data.genres().get(g) + "' has " + smallest[g]
                        + " rows, fewer than the " + folds + " folds");
            }
        }
        long start = System.nanoTime();
        int[][] testFolds = StratifiedFolds.split(data.genreIndices(), folds, seed);
        int[][] confusion = new int[k][k];
        double[] foldAccuracy = new double[folds];
        for (int f = 0; f < folds; f++) {
            GenreDataset train = data.subset(StratifiedFolds.complement(testFolds[f], data.size()));
            GenreModel model = GenreModel.fit(train, kind, seed + f);
            int right = 0;
            for (int row : testFolds[f]) {
                int predicted = argmax(model.probabilities(data.row(row)));
                int truth = data.genreOf(row);
                confusion[truth][predicted]++;
                if (predicted == truth) {
                    right++;
                }
            }
            foldAccuracy[f] = (double) right / testFolds[f].length;
            double acc = foldAccuracy[f];
            int fold = f;
            LOG.log(System.Logger.Level.DEBUG, () -> kind.cliName() + " fold " + fold + " accuracy " + acc);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new CrossValidationResult(kind, data.genres(), confusion, foldAccuracy, seconds);
    }

    /**
     * Fits {@code kind} on the rows {@code train} only and scores it on the rows {@code test}: a held-out
     * figure for a split chosen by the caller (one that keeps artists or recordings apart, say). The result
     * has a single "fold".
     */
    public CrossValidationResult evaluateSplit(GenreDataset data, int[] train, int[] test, GenreModelKind kind) {
        if (train.length == 0 || test.length == 0) {
            throw new IllegalArgumentException("both the training and the test list need rows");
        }
        long start = System.nanoTime();
        int k = data.genres().size();
        GenreModel model = GenreModel.fit(data.subset(train), kind, seed);
        int[][] confusion = new int[k][k];
        int right = 0;
        for (int row : test) {
            int predicted = argmax(model.probabilities(data.row(row)));
            int truth = data.genreOf(row);
            confusion[truth][predicted]++;
            right += predicted == truth ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new CrossValidationResult(kind, data.genres(), confusion, new double[] {(double) right / test.length},
                seconds);
    }

    /**
     * Cross-validates every candidate, then fits the most accurate one (ties go to the earlier candidate)
     * on all rows. {@code progress} receives each result as soon as it is known.
     */
    public TrainingReport train(GenreDataset data, java.util.function.Consumer<CrossValidationResult> progress) {
        return train(data, progress, null);
    }

    /**
     * A held-out split to choose the shipped model by (one that keeps artists apart, say): the two list files
     * as given, a description of where the split comes from (for the model card), and the row indices of the
     * table they name.
     */
    public record SelectionSplit(String trainList, String testList, String description, int[] train, int[] test) {
    }

    /**
     * As {@link #train(GenreDataset, java.util.function.Consumer)}, but when {@code selectBy} is not null
     * every candidate is also trained on its training rows and scored on its test rows, and the candidate most
     * accurate there is the one fitted and shipped (ties go to the better cross-validation figure, then to the
     * earlier candidate): random folds flatter models unevenly on GTZAN, a split that keeps artists apart
     * does not. {@code progress} receives each result, cross-validation and split, as soon as it is known.
     */
    public TrainingReport train(GenreDataset data, java.util.function.Consumer<CrossValidationResult> progress,
            SelectionSplit selectBy) {
        List<CrossValidationResult> results = new ArrayList<>();
        List<CrossValidationResult> splitResults = new ArrayList<>();
        for (GenreModelKind kind : candidates) {
            CrossValidationResult r = crossValidate(data, kind);
            results.add(r);
            progress.accept(r);
            if (selectBy != null) {
                CrossValidationResult s = evaluateSplit(data, selectBy.train(), selectBy.test(), kind);
                splitResults.add(s);
                progress.accept(s);
            }
        }
        Comparator<Integer> byCv = Comparator.comparingDouble(i -> results.get(i).accuracy());
        Comparator<Integer> order = selectBy == null ? byCv
                : Comparator.<Integer>comparingDouble(i -> splitResults.get(i).accuracy()).thenComparing(byCv);
        int bestIndex = java.util.stream.IntStream.range(0, results.size()).boxed()
                .max(order.thenComparing(i -> -i)).orElseThrow();
        GenreModelKind best = results.get(bestIndex).kind();
        long start = System.nanoTime();
        GenreModel model = GenreModel.fit(data, best, seed);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        return new TrainingReport(model, results, best, folds, seed, data.size(), fitSeconds,
                selectBy == null ? null : new TrainingReport.SplitFigures(selectBy.trainList(),
                        selectBy.testList(), selectBy.description(), selectBy.train().length, selectBy.test().length,
                        splitResults));
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}

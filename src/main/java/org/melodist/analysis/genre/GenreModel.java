package org.melodist.analysis.genre;

import java.io.Serializable;
import java.util.List;

/**
 * A trained genre model as stored on disk: which features it reads in which order, the genres it knows,
 * the standardisation fitted on its training rows, and the fitted classifier.
 */
final class GenreModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final GenreModelKind kind;
    private final List<String> featureNames;
    private final List<String> genres;
    private final FeatureScaler scaler;
    private final PosteriorModel classifier;

    GenreModel(GenreModelKind kind, List<String> featureNames, List<String> genres, FeatureScaler scaler,
            PosteriorModel classifier) {
        this.kind = kind;
        // Plain ArrayList-free immutable copies serialise as java.util.ImmutableCollections, which the load
        // filter allows along with the rest of java.base.
        this.featureNames = List.copyOf(featureNames);
        this.genres = List.copyOf(genres);
        this.scaler = scaler;
        this.classifier = classifier;
    }

    /** Fits scaler and classifier on all rows of {@code data}. */
    static GenreModel fit(GenreDataset data, GenreModelKind kind, long seed) {
        FeatureScaler scaler = FeatureScaler.fit(data.rows());
        PosteriorModel classifier = kind.fit(scaler.transform(data.rows()), data.genreIndices(),
                data.genres().size(), data.featureNames(), seed);
        return new GenreModel(kind, data.featureNames(), data.genres(), scaler, classifier);
    }

    /**
     * Class probabilities for one row of raw (unscaled) features in {@link #featureNames()} order,
     * clipped at 0 and renormalised so they always sum to 1 (pairwise coupling can leave tiny rounding).
     */
    double[] probabilities(double[] rawRow) {
        double[] p = classifier.posteriors(scaler.transform(rawRow));
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Double.isFinite(p[i]) && p[i] > 0 ? p[i] : 0;
            sum += p[i];
        }
        if (sum <= 0) {
            java.util.Arrays.fill(p, 1.0 / p.length);
            return p;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    GenreModelKind kind() {
        return kind;
    }

    List<String> featureNames() {
        return featureNames;
    }

    List<String> genres() {
        return genres;
    }

    FeatureScaler scaler() {
        return scaler;
    }
}

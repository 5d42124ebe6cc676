package org.melodist.studio.analysis;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.melodist.ErrorMessages;
import org.melodist.analysis.genre.GenreClassifier;
import org.melodist.analysis.genre.GenreModelException;

/**
 * The analysis tab's genre classifier, loaded on first use (off the FX thread, by the first analysis) and
 * then kept for the session; when there is none, the one-line reason why. Made by the studio's
 * composition root and handed to {@link AnalysisViewModel}.
 */
public final class GenreModelSource {

    private static final Logger LOG = System.getLogger(GenreModelSource.class.getName());

    /** Loads a classifier; may take a moment and may fail with a reason. */
    @FunctionalInterface
    public interface Loader {
        GenreClassifier load() throws GenreModelException;
    }

    private final Loader loader;
    private GenreClassifier classifier;
    private String problem;

    private GenreModelSource(Loader loader) {
        this.loader = Objects.requireNonNull(loader);
    }

    /** The model shipped in {@code models/genre}. */
    public static GenreModelSource shipped() {
        return new GenreModelSource(GenreClassifier::loadDefault);
    }

    /** A model folder written by {@code train-genre}. */
    public static GenreModelSource at(Path dir) {
        return new GenreModelSource(() -> GenreClassifier.load(dir));
    }

    /** A classifier loaded elsewhere. */
    public static GenreModelSource of(GenreClassifier loaded) {
        Objects.requireNonNull(loaded);
        return new GenreModelSource(() -> loaded);
    }

    /** The classifier, loading it the first time; empty (see {@link #problem()}) when it cannot be loaded. */
    public synchronized Optional<GenreClassifier> get() {
        if (classifier == null && problem == null) {
            try {
                classifier = loader.load();
            } catch (GenreModelException e) {
                problem = ErrorMessages.oneLine(e);
                LOG.log(Level.WARNING, "No genre model: " + problem);
            }
        }
        return Optional.ofNullable(classifier);
    }

    /** Why there is no classifier, once loading it has failed; null otherwise. */
    public synchronized String problem() {
        return problem;
    }
}

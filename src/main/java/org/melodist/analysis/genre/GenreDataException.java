package org.melodist.analysis.genre;

/** A feature table that cannot be used for training; the message names the file and the reason. */
public final class GenreDataException extends Exception {

    private static final long serialVersionUID = 1L;

    public GenreDataException(String message) {
        super(message);
    }
}

package org.melodist.analysis.genre;

/** A genre model folder that is missing, incomplete or unreadable; the message says which and why. */
public final class GenreModelException extends Exception {

    private static final long serialVersionUID = 1L;

    public GenreModelException(String message) {
        super(message);
    }

    public GenreModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.melodist.sound;

/** A soundbank file that cannot be used; the message names the file and the reason in one line. */
public final class SoundbankException extends Exception {

    private static final long serialVersionUID = 1L;

    public SoundbankException(String message) {
        super(message);
    }

    public SoundbankException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.melodist.analysis;

import java.nio.file.Path;

/**
 * A file that cannot be analysed as audio. The message is one line naming the file and the reason, ready to
 * show to the user as it is.
 */
public final class AudioDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public AudioDecodeException(Path file, String reason) {
        super(name(file) + ": " + reason);
    }

    public AudioDecodeException(Path file, String reason, Throwable cause) {
        super(name(file) + ": " + reason, cause);
    }

    private static String name(Path file) {
        Path f = file.getFileName();
        return f == null ? file.toString() : f.toString();
    }
}

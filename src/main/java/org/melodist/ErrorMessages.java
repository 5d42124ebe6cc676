package org.melodist;

/** What a user is told about an exception: one line, never "null". */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** The first line of the exception's message, or its class name when it has none. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}

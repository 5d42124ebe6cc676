package org.melodist;

/** What a user is told about an exception: one line, never "null". */
public final class ErrorMessages {

    /** Longest detail {@link #withType} passes on from code that is not ours. */
    static final int MAX_DETAIL = 160;

    private ErrorMessages() {
    }

    /** The first line of the exception's message, or its class name when it has none. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        return firstLine(m);
    }

    /** The first line of a message, stripped; "" for none. */
    public static String firstLine(String message) {
        if (message == null) return "";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /**
     * {@link #oneLine} of the innermost cause that has a message (a driver's own words are more telling
     * than the wrapper's), else of {@code e} itself.
     */
    public static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null || t.getMessage().isBlank() ? oneLine(e) : oneLine(t);
    }

    /**
     * The class name and the first line of the message, at most {@value #MAX_DETAIL} characters: for
     * failures inside libraries, whose messages alone ("Index 5 out of bounds") do not say what broke.
     */
    public static String withType(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + firstLine(m));
        return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) + "..." : s;
    }
}

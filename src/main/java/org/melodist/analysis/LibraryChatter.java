package org.melodist.analysis;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps what codec libraries print off standard output and standard error. jFLAC prints diagnostics such as
 * {@code readResidual elsecase} with {@code System.out.println} while it decodes a damaged frame, which would land
 * in front of the JSON of {@code analyze --json}; other codecs print to {@code System.err}.
 *
 * <p>While a thread runs {@link #quietly}, {@code System.out} and {@code System.err} are replaced by streams that
 * send that thread's lines to the log at DEBUG level and pass every other thread's output through unchanged, so
 * a background analysis never swallows what the rest of the program prints. The original streams are put back
 * when the last guarded call ends, unless someone else replaced them in the meantime.
 */
final class LibraryChatter {

    /** Work that may throw the checked exception {@code E}. */
    @FunctionalInterface
    interface Action<T, E extends Exception> {
        T run() throws E;
    }

    private static final System.Logger LOG = System.getLogger("org.melodist.analysis.codecs");
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
    private static final Object LOCK = new Object();
    private static int guarded;
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static PrintStream routedOut;
    private static PrintStream routedErr;

    private LibraryChatter() {
    }

    /** Runs {@code action} with this thread's console output going to the log instead. */
    static <T, E extends Exception> T quietly(Action<T, E> action) throws E {
        enter();
        try {
            return action.run();
        } finally {
            exit();
        }
    }

    private static void enter() {
        DEPTH.set(DEPTH.get() + 1);
        synchronized (LOCK) {
            if (guarded++ == 0) {
                originalOut = System.out;
                originalErr = System.err;
                routedOut = new PrintStream(new Router(originalOut, "stdout"), true, StandardCharsets.UTF_8);
                routedErr = new PrintStream(new Router(originalErr, "stderr"), true, StandardCharsets.UTF_8);
                System.setOut(routedOut);
                System.setErr(routedErr);
            }
        }
    }

    private static void exit() {
        int depth = DEPTH.get() - 1;
        if (depth == 0) {
            DEPTH.remove();
        } else {
            DEPTH.set(depth);
        }
        synchronized (LOCK) {
            if (--guarded == 0) {
                routedOut.flush();
                routedErr.flush();
                if (System.out == routedOut) {
                    System.setOut(originalOut);
                }
                if (System.err == routedErr) {
                    System.setErr(originalErr);
                }
                routedOut = null;
                routedErr = null;
                originalOut = null;
                originalErr = null;
            }
        }
    }

    private static boolean isGuarded() {
        return DEPTH.get() > 0;
    }

    /** Bytes from guarded threads become log lines; everyone else's go to the original stream. */
    private static final class Router extends OutputStream {
        private final PrintStream original;
        private final String name;
        private final ThreadLocal<ByteArrayOutputStream> line = ThreadLocal.withInitial(ByteArrayOutputStream::new);

        Router(PrintStream original, String name) {
            this.original = original;
            this.name = name;
        }

        @Override
        public void write(int b) {
            if (!isGuarded()) {
                original.write(b);
                return;
            }
            ByteArrayOutputStream buf = line.get();
            if (b == '\n') {
                logLine(buf);
            } else if (buf.size() < 4096) {
                buf.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (!isGuarded()) {
                original.write(b, off, len);
                return;
            }
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() {
            if (!isGuarded()) {
                original.flush();
            }
        }

        private void logLine(ByteArrayOutputStream buf) {
            String text = buf.toString(StandardCharsets.UTF_8).strip();
            buf.reset();
            if (!text.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "codec " + name + ": " + text);
            }
        }
    }
}

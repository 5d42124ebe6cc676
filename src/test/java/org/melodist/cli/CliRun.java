package org.melodist.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line as the tests make it: the exit code and what it printed on each stream. */
record CliRun(int code, String out, String err) {

    /** Runs {@code melodist ARGS...} in this JVM, capturing standard output and error. */
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MelodistCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}

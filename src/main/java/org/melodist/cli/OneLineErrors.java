package org.melodist.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import picocli.CommandLine;

import org.melodist.ErrorMessages;

/**
 * Turns any failure of a command into one line on standard error: the user sees what went wrong with
 * which file, never a stack trace (that goes to the log at debug level).
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;
    private static final System.Logger LOG = System.getLogger(OneLineErrors.class.getName());

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        String command = cl.getCommandName();
        LOG.log(System.Logger.Level.DEBUG, "command " + command + " failed", ex);
        boolean userError = !(ex instanceof RuntimeException) || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException || ex instanceof IllegalStateException;
        String message = ErrorMessages.oneLine(ex);
        if (ex instanceof IOException && !(ex.getMessage() != null && ex.getMessage().contains(" "))) {
            message = "cannot access " + message;
        }
        PrintWriter err = cl.getErr();
        err.println(prefix(cl) + (userError ? "" : "internal error: ") + message);
        err.flush();
        return userError ? BAD_INPUT : INTERNAL;
    }

    /** Bad arguments: the one line says what is wrong and where the usage is (the top-level usage runs to 150 lines). */
    static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName(" ");
        err.println(name + ": " + ErrorMessages.oneLine(ex) + " (" + name + " --help lists "
                + (cl.getParent() == null ? "the commands" : "its options") + ")");
        err.flush();
        return BAD_INPUT;
    }

    private static String prefix(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName(" ");
        return name + ": ";
    }
}

package org.melodist;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides whether a launch opens the studio window or runs the command line. The desktop opens the
 * studio with no arguments, and a file manager (the installed .mid association) passes a single MIDI
 * file path, which must open that song in the studio rather than be read as a subcommand.
 */
public final class StartupMode {

    private StartupMode() {
    }

    public static boolean opensStudio(String... args) {
        return args.length == 0 || (args.length == 1 && isMidiFile(args[0]));
    }

    static boolean isMidiFile(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".mid") || lower.endsWith(".midi"))) {
            return false;
        }
        try {
            return Files.isRegularFile(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}

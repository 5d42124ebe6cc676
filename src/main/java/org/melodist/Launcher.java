package org.melodist;

import org.melodist.cli.MelodistCli;

/**
 * Entry point of the jar. Kept apart from the JavaFX {@code Application} class because a class-path
 * launch of an {@code Application} subclass's main fails ("JavaFX runtime components are missing").
 * With no arguments (or just a MIDI file, as a file manager passes it) it opens the studio; otherwise it
 * runs the command line.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        RuntimeDefaults.configureDefaults();
        if (StartupMode.opensStudio(args)) {
            try {
                javafx.application.Application.launch(org.melodist.studio.StudioApp.class, args);
            } catch (UnsupportedOperationException e) {
                // JavaFX's toolkit could not start: no display to open a window on, or no GTK 3 library
                System.err.println(noWindow(e.getMessage()));
                System.exit(2);
            }
        } else {
            System.exit(MelodistCli.execute(args));
        }
    }

    /** The one line said when the studio window cannot open, with JavaFX's reason. */
    static String noWindow(String reason) {
        return "melodist: the studio window cannot open (" + reason + "); it needs a display and the GTK 3 library"
                + " (libgtk-3-0). The command line works without them (--help lists its commands)";
    }
}

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
            javafx.application.Application.launch(org.melodist.studio.StudioApp.class, args);
        } else {
            System.exit(MelodistCli.execute(args));
        }
    }
}

package org.melodist;

import org.melodist.cli.MelodistCli;

/**
 * Entry point of the jar. Kept apart from the JavaFX {@code Application} class because a class-path
 * launch of an {@code Application} subclass's main fails ("JavaFX runtime components are missing").
 * With no arguments it opens the studio; with any, it runs the command line.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        RuntimeDefaults.configureDefaults();
        if (args.length == 0) {
            javafx.application.Application.launch(org.melodist.studio.StudioApp.class, args);
        } else {
            System.exit(MelodistCli.execute(args));
        }
    }
}

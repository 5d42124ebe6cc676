package org.melodist.studio;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;

import javafx.application.Application;
import javafx.stage.Stage;

import org.melodist.AppPaths;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;

/** The studio application: composes the studio over the user's data folder ({@link StudioComposition}) and shows the window. */
public final class StudioApp extends Application {

    private static final System.Logger LOG = System.getLogger(StudioApp.class.getName());

    @Override
    public void start(Stage stage) {
        StudioViewModel vm = StudioComposition.forApp(AppPaths.userDataDir());
        StudioWindow window = new StudioWindow(stage, vm);
        stage.show();
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.log(System.Logger.Level.INFO, "Studio window shown " + sinceStart + " ms after the JVM started");
        // the launcher starts the studio with arguments only for one MIDI file (a file manager's "Open with")
        Optional<Path> launchedWith = getParameters().getRaw().stream().findFirst().map(Path::of);
        window.openInitialSong(true, launchedWith);
        // the window is up; the synthesizer, soundbank and melody model load behind it
        vm.transport().loadInBackground();
        vm.generate().loadModelInBackground();
        vm.chords().loadModelInBackground();
        vm.playIn().startWatchingDevices();
        vm.badges().originality().reindex();
    }
}

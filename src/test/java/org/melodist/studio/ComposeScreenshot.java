package org.melodist.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.generate.GenerateViewModel;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;

import static org.melodist.studio.ScreenshotSupport.after;
import static org.melodist.studio.ScreenshotSupport.closeAndExit;
import static org.melodist.studio.ScreenshotSupport.whenFinished;
import static org.melodist.studio.ScreenshotSupport.writeSnapshot;

/**
 * Writes the README's Compose screenshot from the real studio window: the demo jig as on a first start,
 * then one Generate so that the variations show as ghost notes after the seed. Uses the shipped melody
 * model when {@code models/melody-lstm} is there, else the tiny test model ({@code -Dscreenshot.model=DIR}
 * picks another; a folder without a model shows the panel's missing-model state). Run under a display (Xvfb):
 * {@code java -cp <test classpath> org.melodist.studio.ComposeScreenshot [out.png]}.
 */
public final class ComposeScreenshot {

    private static Path out = Path.of("assets/screenshots/studio-compose.png");
    private static MelodyGeneratorSource melody;

    public static void main(String[] args) {
        if (args.length > 0) out = Path.of(args[0]);
        String override = System.getProperty("screenshot.model");
        melody = override != null ? MelodyGeneratorSource.at(Path.of(override)) : ScreenshotSupport.shippedOrTinyMelody();
        System.out.println("melody model: " + melody.dir());
        // the main class itself is no Application, so that the JavaFX jars may sit on the plain class path
        Application.launch(Shot.class, args);
    }

    private ComposeScreenshot() {
    }

    /** The window, the generation and the snapshot. */
    public static final class Shot extends Application {

        @Override
        public void start(Stage stage) throws IOException {
            Path userData = Files.createTempDirectory("melodist-screenshot");
            StudioViewModel vm = StudioComposition.create(userData, SequencerPlaybackService::forSoundCard, melody);
            StudioWindow window = new StudioWindow(stage, vm);
            stage.show();
            window.openInitialSong(false);
            vm.transport().loadInBackground();

            GenerateViewModel gen = vm.generate();
            gen.settings().barsProperty().set(4);
            gen.settings().variationCountProperty().set(4);
            gen.settings().rngSeedProperty().set(2026);
            gen.settings().temperatureProperty().set(0.8);
            Runnable shootAndExit = () -> {
                writeSnapshot(stage.getScene().getRoot(), out);
                closeAndExit(vm);
            };
            whenFinished(gen.runningProperty(), () -> {
                if (gen.variations().isEmpty()) {
                    System.err.println("no variations: " + gen.messageProperty().get());
                    Platform.exit();
                    return;
                }
                gen.next();
                // let the synthesizer's state and the repaint settle before the picture
                after(2, shootAndExit);
            });
            // generate once the synthesizer has settled, so that the status bar ends on the generation's message
            Runnable go = gen.canGenerate() ? gen::generate : () -> after(1, shootAndExit);
            if (!vm.transport().soundbankProperty().get().startsWith("loading")) {
                go.run();
            } else {
                vm.transport().soundbankProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends String> obs, String was, String now) {
                        if (now.startsWith("loading")) return;
                        vm.transport().soundbankProperty().removeListener(this);
                        Platform.runLater(go);
                    }
                });
            }
        }
    }
}

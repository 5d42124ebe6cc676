package org.melodist.studio;

import java.io.IOException;
import java.nio.file.Path;

import javafx.application.Application;
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
 * Writes the README's screenshot of learning from the musician's choices: the studio on a user data folder that holds
 * judgements and a personal model ({@code -Dscreenshot.userData=DIR}, made with {@code evaluate-feedback --out} and
 * {@code learn-feedback}), the personal model chosen, Compare with base on, one Generate, the second variation (the
 * base model's) shown. Run under a display (Xvfb): {@code java -cp <test classpath> org.melodist.studio.FeedbackScreenshot out.png}.
 */
public final class FeedbackScreenshot {

    private static Path out = Path.of("assets/screenshots/studio-feedback.png");

    public static void main(String[] args) {
        if (args.length > 0) out = Path.of(args[0]);
        Application.launch(Shot.class, args);
    }

    private FeedbackScreenshot() {
    }

    /** The window, the generation and the snapshot. */
    public static final class Shot extends Application {

        @Override
        public void start(Stage stage) throws IOException {
            Path userData = Path.of(System.getProperty("screenshot.userData"));
            StudioViewModel vm = StudioComposition.create(userData, SequencerPlaybackService::forSoundCard, MelodyGeneratorSource.shipped());
            StudioWindow window = new StudioWindow(stage, vm);
            stage.setWidth(1500);
            stage.setHeight(860);
            stage.show();
            window.openInitialSong(false);
            GenerateViewModel gen = vm.generate();
            gen.chooseModel("personal/mine");
            gen.compareWithBaseProperty().set(true);
            gen.settings().barsProperty().set(4);
            gen.settings().variationCountProperty().set(4);
            gen.settings().rngSeedProperty().set(2026);
            whenFinished(gen.runningProperty(), () -> {
                gen.next();
                after(Double.parseDouble(System.getProperty("screenshot.wait", "3")), () -> {
                    writeSnapshot(stage.getScene().getRoot(), out);
                    closeAndExit(vm);
                });
            });
            after(2, gen::generate);
        }
    }
}

package org.melodist.studio;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.generate.GenerateViewModel;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;

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
            ChangeListener<Boolean> done = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean running) {
                    if (running) return;
                    gen.runningProperty().removeListener(this);
                    gen.next();
                    PauseTransition settle = new PauseTransition(Duration.seconds(Double.parseDouble(System.getProperty("screenshot.wait", "3"))));
                    settle.setOnFinished(e -> {
                        snapshot(stage);
                        vm.close();
                        Platform.exit();
                    });
                    settle.play();
                }
            };
            gen.runningProperty().addListener(done);
            PauseTransition start = new PauseTransition(Duration.seconds(2));
            start.setOnFinished(e -> gen.generate());
            start.play();
        }
    }

    private static void snapshot(Stage stage) {
        WritableImage image = stage.getScene().getRoot().snapshot(null, null);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            ImageIO.write(png, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + out + " (" + png.getWidth() + "x" + png.getHeight() + ")");
    }
}

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

import org.melodist.generate.MelodyModels;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.chords.ChordLaneViewModel;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;

/**
 * Writes the README's chord-lane screenshot from the real studio window: the demo jig as on a first start,
 * Harmonise (Ctrl+H) with the shipped harmony model, then a click on the third chord so that its
 * alternatives show. The window (with the lane) is written by a snapshot; the alternatives popup is a window
 * of its own, so the program prints {@code READY} and stays up for {@code -Dscreenshot.hold} seconds (default
 * 6) for {@code import -window root} to take the whole screen. Run under a display (Xvfb):
 * {@code java -cp <test classpath> org.melodist.studio.HarmonyScreenshot [out.png]}.
 */
public final class HarmonyScreenshot {

    private static Path out = Path.of("assets/screenshots/studio-chords.png");

    public static void main(String[] args) {
        if (args.length > 0) out = Path.of(args[0]);
        Application.launch(Shot.class, args);
    }

    private HarmonyScreenshot() {
    }

    /** The window, Harmonise, the alternatives and the snapshot. */
    public static final class Shot extends Application {

        @Override
        public void start(Stage stage) throws IOException {
            Path userData = Files.createTempDirectory("melodist-screenshot");
            Path shipped = MelodyModels.shippedLocation();
            MelodyGeneratorSource melody = MelodyModels.isModelDir(shipped) ? MelodyGeneratorSource.shipped()
                    : MelodyGeneratorSource.at(TinyMelodyModel.dir());
            StudioViewModel vm = StudioComposition.create(userData, SequencerPlaybackService::forSoundCard, melody);
            StudioWindow window = new StudioWindow(stage, vm);
            stage.setWidth(1400);
            stage.setHeight(820);
            stage.show();
            window.openInitialSong(false);
            ChordLaneViewModel chords = vm.chords();
            long t0 = System.nanoTime();
            chords.runningProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean running) {
                    if (running) return;
                    chords.runningProperty().removeListener(this);
                    System.out.printf(java.util.Locale.ROOT, "harmonise: %.0f ms in all (model load included), %.1f ms the model; %d chords; %s%n",
                            (System.nanoTime() - t0) / 1e6, chords.lastHarmoniseMillis(), chords.lane().marks().size(),
                            vm.statusProperty().get());
                    int third = Math.min(2, chords.lane().marks().size() - 1);
                    if (third < 0) {
                        System.err.println("no chords: " + vm.statusProperty().get());
                        Platform.exit();
                        return;
                    }
                    chords.showAlternatives(third);
                    PauseTransition settle = new PauseTransition(Duration.seconds(1.5));
                    settle.setOnFinished(e -> {
                        snapshot(stage);
                        System.out.println("alternatives: " + chords.suggestions());
                        System.out.println("READY");
                        PauseTransition hold = new PauseTransition(Duration.seconds(Double.parseDouble(System.getProperty("screenshot.hold", "6"))));
                        hold.setOnFinished(x -> {
                            vm.close();
                            Platform.exit();
                        });
                        hold.play();
                    });
                    settle.play();
                }
            });
            chords.harmonise();
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

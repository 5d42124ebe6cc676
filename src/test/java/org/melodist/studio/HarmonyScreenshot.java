package org.melodist.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.chords.ChordLaneViewModel;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;

import static org.melodist.studio.ScreenshotSupport.after;
import static org.melodist.studio.ScreenshotSupport.holdForScreenGrabThenExit;
import static org.melodist.studio.ScreenshotSupport.whenFinished;
import static org.melodist.studio.ScreenshotSupport.writeSnapshot;

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
            StudioViewModel vm = StudioComposition.create(userData, SequencerPlaybackService::forSoundCard,
                    ScreenshotSupport.shippedOrTinyMelody());
            StudioWindow window = new StudioWindow(stage, vm);
            stage.setWidth(1400);
            stage.setHeight(820);
            stage.show();
            window.openInitialSong(false);
            ChordLaneViewModel chords = vm.chords();
            long t0 = System.nanoTime();
            whenFinished(chords.runningProperty(), () -> {
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
                after(1.5, () -> {
                    writeSnapshot(stage.getScene().getRoot(), out);
                    System.out.println("alternatives: " + chords.suggestions());
                    holdForScreenGrabThenExit(vm, 6);
                });
            });
            chords.harmonise();
        }
    }
}

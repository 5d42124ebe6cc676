package org.melodist.studio;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.util.Duration;

import org.melodist.generate.MelodyModels;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.shell.StudioViewModel;

/**
 * What the README's screenshot harnesses share: the melody model they show, waiting for a background job on
 * the FX thread, pauses that let the window settle, writing a node's snapshot as a PNG, and holding the
 * window up for {@code import -window root} when the picture includes a popup (a window of its own).
 */
public final class ScreenshotSupport {

    private ScreenshotSupport() {
    }

    /**
     * The shipped melody model when {@code models/melody-lstm} is there, else the tiny test model, which trains
     * here; call it before the window opens so that the FX thread never waits for that training.
     */
    public static MelodyGeneratorSource shippedOrTinyMelody() {
        return MelodyModels.isModelDir(MelodyModels.shippedLocation()) ? MelodyGeneratorSource.shipped()
                : MelodyGeneratorSource.at(TinyMelodyModel.dir());
    }

    /** Runs {@code then} once, the first time {@code running} turns false (a background job has finished). */
    public static void whenFinished(ObservableValue<Boolean> running, Runnable then) {
        running.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) return;
                running.removeListener(this);
                then.run();
            }
        });
    }

    /** Runs {@code then} on the FX thread after {@code seconds}, so that repaints and the synthesizer settle first. */
    public static void after(double seconds, Runnable then) {
        PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
        pause.setOnFinished(e -> then.run());
        pause.play();
    }

    /** Writes the node's snapshot to {@code out} as a PNG and prints where and how big. */
    public static void writeSnapshot(Node node, Path out) {
        BufferedImage png = SwingFXUtils.fromFXImage(node.snapshot(null, null), null);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            ImageIO.write(png, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + out + " (" + png.getWidth() + "x" + png.getHeight() + ")");
    }

    /**
     * Prints {@code READY}, keeps every window up for {@code -Dscreenshot.hold} seconds (else the default) so that
     * {@code import -window root} can take the whole screen, popups included, then closes the studio and exits.
     */
    public static void holdForScreenGrabThenExit(StudioViewModel vm, double defaultSeconds) {
        System.out.println("READY");
        after(Double.parseDouble(System.getProperty("screenshot.hold", Double.toString(defaultSeconds))), () -> closeAndExit(vm));
    }

    /** Closes the studio (its synthesizer and background work) and ends the FX application. */
    public static void closeAndExit(StudioViewModel vm) {
        vm.close();
        Platform.exit();
    }
}

package org.melodist;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes that libraries load only when a feature runs must be on the class path the app ships with, not only on the
 * tests' (which also holds the test-scoped libraries): javafx-swing was test-scoped once, and in the built studio
 * JFreeChart-FX could not draw the chroma and MFCC heat maps ({@code SwingFXUtils}).
 */
class RuntimeClassPathTest {

    private static final Path LIST = Path.of("target", "runtime-class-path.txt");

    @ParameterizedTest
    @ValueSource(strings = {
            "javafx.embed.swing.SwingFXUtils", // JFreeChart-FX's FXGraphics2D.drawImage
            "org.jfree.chart.fx.ChartViewer",
            "javafx.scene.control.Button",
            "ai.djl.pytorch.engine.PtEngine",
            "be.tarsos.dsp.pitch.Yin",
            "smile.classification.LogisticRegression",
            "org.jflac.FLACDecoder",
            "javazoom.spi.vorbis.sampled.file.VorbisAudioFileReader",
            "javazoom.spi.mpeg.sampled.file.MpegAudioFileReader",
            "org.controlsfx.control.Notifications"})
    void theShippedClassPathHolds(String className) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(LIST),
                "skipped: " + LIST + " is written by Maven (mvn test); this run did not go through it");
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of("target", "classes").toUri().toURL());
        for (String entry : Files.readString(LIST).strip().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader shipped = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertDoesNotThrow(() -> Class.forName(className, false, shipped), className + " on the shipped class path");
        }
    }
}

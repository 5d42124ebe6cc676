package org.melodist.studio.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with a new song at the sizes the issue names (1280×800, 1024×700): the only track's Solo
 * button is in view without a sideways scrollbar, and every command of the compose bars fits in the
 * window (the Generate strip takes a second row rather than cutting off Accept and Discard).
 */
@ExtendWith(ApplicationExtension.class)
class StudioLayoutTest {

    @TempDir
    static Path userData;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StudioViewModel vm = StudioComposition.forApp(userData.resolve("u" + System.nanoTime()));
        new StudioWindow(stage, vm);
        stage.show();
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "1024, 700"})
    void everyCommandIsInViewWithANewSong(double width, double height, FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = stage.getScene().getWidth();

        Node list = robot.lookup("#track-list").query();
        Node solo = robot.lookup(".solo-button").query();
        assertTrue(solo.isVisible());
        assertTrue(inScene(solo).getMaxX() <= inScene(list).getMaxX(),
                "Solo " + inScene(solo) + " inside the track list " + inScene(list));
        for (Node bar : robot.lookup("#track-list .scroll-bar").queryAll()) {
            if (bar instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL) {
                assertFalse(s.isVisible(), "no sideways scrollbar in the track list");
            }
        }
        for (String id : new String[] {"#generate-run", "#generate-discard", "#generate-accept", "#midi-drag-handle",
                "#transport-soundfont"}) {
            Node n = robot.lookup(id).query();
            assertTrue(inScene(n).getMaxX() <= sceneWidth + 0.5, id + " ends at " + inScene(n).getMaxX()
                    + ", past the window's " + sceneWidth);
        }
    }
}

package org.melodist.studio.chords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.melodist.song.ChordLane;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;
import org.melodist.studio.tasks.FxBackgroundRunner;

/**
 * The chord lane in the real studio window under headless Monocle, with the shipped harmony model: Ctrl+H,
 * a click for the alternatives and a pick, Delete, typing a bad and a good symbol, dragging an edge, and
 * undo of each.
 */
@ExtendWith(ApplicationExtension.class)
class ChordLaneViewTest {

    @TempDir
    static Path userData;
    private StudioWindow window;
    private StudioViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = StudioComposition.create(userData.resolve("u" + System.nanoTime()), SequencerPlaybackService::forSoundCard,
                MelodyGeneratorSource.at(userData.resolve("no-melody-model")), GenreModelSource.shipped(),
                new FxBackgroundRunner(), HarmonizerSource.at(Path.of("models/harmony")));
        window = new StudioWindow(stage, vm);
        stage.setWidth(1200);
        stage.setHeight(760);
        stage.show();
        vm.files().open(Path.of("assets/demo/demo-jig.mid"));
        window.pianoRoll().scrollToContent();
    }

    private List<ChordLane.Mark> marks() {
        return ChordLane.of(vm.document().current()).marks();
    }

    /** A point in the lane, {@code dx} pixels after {@code tick}, in screen coordinates. */
    private Point2D lane(long tick, double dx) {
        ChordLaneView view = window.chordLane();
        return view.localToScreen(view.xOf(tick) + dx, ChordLaneView.HEIGHT / 2);
    }

    private void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status: " + vm.statusProperty().get(), e);
        }
    }

    @Test
    void harmoniseThenPickAnAlternativeDeleteTypeAndResizeEachUndoable(FxRobot robot) throws Exception {
        int notes = vm.document().current().track(0).notes().size();
        robot.interact(() -> window.pianoRoll().notesArea().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        waitFor("the lane to fill", () -> !marks().isEmpty() && !vm.chords().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<ChordLane.Mark> harmonised = marks();
        assertTrue(harmonised.size() >= 4, harmonised.toString());
        assertEquals("Harmonise", vm.document().undoNameProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Harmonised the track"), vm.statusProperty().get());

        // a click on the third chord: the model's five alternatives in a popup; a click picks one
        ChordLane.Mark third = harmonised.get(2);
        robot.clickOn(lane(third.start(), 8), MouseButton.PRIMARY);
        waitFor("the alternatives", () -> window.chordLane().alternativesPopup().isShowing());
        assertEquals(ChordLaneViewModel.ALTERNATIVES, vm.chords().suggestions().size());
        String second = vm.chords().suggestions().get(1).symbol();
        robot.clickOn("#chord-alternative-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.chordLane().alternativesPopup().isShowing());
        assertEquals(second, marks().get(2).symbol());
        assertEquals("Set chord " + second, vm.document().undoNameProperty().get());

        // Left and Right in the lane walk the chords, not the notes
        robot.interact(() -> {
            window.chordLane().requestFocus();
            vm.chords().select(0);
        });
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, vm.chords().selectedProperty().get());

        // Delete in the lane removes the selected chord, not the notes
        robot.clickOn(lane(third.start(), 8), MouseButton.PRIMARY);
        waitFor("the alternatives", () -> window.chordLane().alternativesPopup().isShowing());
        robot.interact(() -> {
            window.chordLane().alternativesPopup().hide();
            window.chordLane().requestFocus();
        });
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, ChordLane.of(vm.document().current()).indexAt(third.start()));
        assertEquals(notes, vm.document().current().track(0).notes().size(), "no note was deleted");
        assertEquals("Delete chord", vm.document().undoNameProperty().get());

        // a double-click in the gap opens the editor; a bad symbol is refused inline, a good one set
        robot.doubleClickOn(lane(third.start(), 8), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.chordLane().editor().isVisible());
        robot.write("H7").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#chord-lane-error").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("'H7' is not a chord symbol"), error.getText());
        assertEquals("Delete chord", vm.document().undoNameProperty().get(), "nothing was set");
        robot.interact(() -> window.chordLane().editor().setText(""));
        robot.write("Am").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.chordLane().editor().isVisible());
        assertEquals(new ChordLane.Mark(third.start(), third.end(), "Am"), marks().get(2));

        // a double-click on a chord: its alternatives give way to the editor, and typing replaces its symbol
        robot.doubleClickOn(lane(third.start(), 8), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.chordLane().alternativesPopup().isShowing());
        robot.write("Bm7").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new ChordLane.Mark(third.start(), third.end(), "Bm7"), marks().get(2));

        // dragging the first chord's right edge one beat to the left
        ChordLane.Mark first = marks().get(0);
        long beat = vm.document().current().timeSignature().ticksPerBeat(vm.document().current().ppq());
        robot.drag(lane(first.end(), -2), MouseButton.PRIMARY).moveTo(lane(first.end() - 3 * beat, -1)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first.end() - 3 * beat, marks().get(0).end(), marks().toString());
        assertEquals("Resize chord", vm.document().undoNameProperty().get());

        // each was one step
        for (int i = 0; i < 5; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(harmonised, marks());
        assertNotEquals("", vm.document().undoNameProperty().get());
    }

    @Test
    void theLaneFollowsTheRollsZoomAndScroll(FxRobot robot) throws Exception {
        robot.interact(() -> vm.chords().setChord(0, 1920, "D"));
        robot.interact(() -> vm.chords().setChord(1920, 3840, "G"));
        var geo = window.pianoRoll().geometry();
        // Ctrl+wheel over the lane zooms the roll, and the lane with it
        double before = geo.pixelsPerTick();
        javafx.geometry.Bounds b = window.chordLane().localToScene(window.chordLane().getBoundsInLocal());
        robot.interact(() -> window.chordLane().fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                100, 10, b.getMinX() + 100, b.getMinY() + 10, false, true, false, false, false, false, 0, 40, 0, 40,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(geo.pixelsPerTick() > before, "zoomed in: " + before + " -> " + geo.pixelsPerTick());
        // a click where the roll now draws the second chord's bar selects that chord
        robot.clickOn(lane(1920, 12), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.chords().selectedProperty().get());
        robot.interact(() -> window.chordLane().alternativesPopup().hide());
    }
}

package org.melodist.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Point2D;
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

import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.studio.pianoroll.PianoRollGeometry;
import org.melodist.studio.pianoroll.PianoRollView;

/** Drives the real studio window under headless Monocle: mouse drawing, dragging, keys, opening a file. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {

    @TempDir
    static Path userData;
    private StudioWindow window;
    private StudioViewModel vm;

    @Start
    void start(Stage stage) {
        vm = StudioComposition.forApp(userData.resolve("u" + System.nanoTime()));
        window = new StudioWindow(stage, vm);
        stage.setWidth(1100);
        stage.setHeight(700);
        stage.show();
        window.pianoRoll().scrollToContent();
    }

    /** The screen point in the middle of the cell of this pitch, a few pixels after this tick. */
    private Point2D cell(int pitch, long tick) {
        PianoRollView roll = window.pianoRoll();
        PianoRollGeometry g = roll.geometry();
        return roll.notesArea().localToScreen(g.tickToX(tick) + 4, g.pitchToY(pitch) + g.rowHeight() / 2);
    }

    private List<Note> notes() {
        return vm.document().current().track(0).notes();
    }

    @Test
    void drawANoteWithTheMouseMoveItAndUndoBoth(FxRobot robot) {
        int pitch = window.pianoRoll().geometry().yToPitch(200);
        robot.clickOn(cell(pitch, 960), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        long sixteenth = vm.pianoRoll().gridTicks();
        assertEquals(List.of(new Note(pitch, 96, 960, sixteenth)), notes());
        assertTrue(vm.document().isDirty());

        // drag the note two rows up and one beat right
        robot.drag(cell(pitch, 960), MouseButton.PRIMARY).moveTo(cell(pitch + 2, 960 + 480)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Note(pitch + 2, 96, 1440, sixteenth)), notes());
        assertEquals("Move 1 note", vm.document().undoNameProperty().get(), "one drag is one undo step");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Note(pitch, 96, 960, sixteenth)), notes());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(notes().isEmpty());
        assertFalse(vm.document().isDirty());
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, notes().size(), "Ctrl+Y redoes");
    }

    @Test
    void theSongTheStudioWasLaunchedWithIsOpenedInsteadOfTheDemoOrTheRecentSong(FxRobot robot) throws Exception {
        Path file = userData.resolve("launched.mid");
        new MidiFileWriter().write(Song.of(480, 120, List.of(Track.of("Lead", 0, 0,
                List.of(new Note(67, 90, 0, 480), new Note(69, 90, 480, 480))))), file);
        robot.interact(() -> window.openInitialSong(false, java.util.Optional.of(file)));
        assertEquals(List.of(67, 69), notes().stream().map(Note::pitch).toList());
        assertEquals("launched.mid", vm.document().titleProperty().get());
    }

    @Test
    void openAFileThenRubberBandTransposeAndDeleteWithKeys(FxRobot robot) throws Exception {
        Path file = userData.resolve("three.mid");
        new MidiFileWriter().write(Song.of(480, 120, List.of(Track.of("Lead", 0, 0,
                List.of(new Note(60, 90, 0, 480), new Note(62, 90, 480, 480), new Note(64, 90, 960, 480))))), file);
        robot.interact(() -> window.openFile(file));
        assertEquals(3, notes().size());
        assertEquals("three.mid", vm.document().titleProperty().get());
        assertTrue(robot.window(w -> w == window.stage()).isShowing());

        // rubber band around the first two notes
        robot.drag(cell(63, 0).add(-2, -4), MouseButton.PRIMARY).moveTo(cell(59, 900)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, vm.pianoRoll().selection().size());

        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(61, 63, 64), notes().stream().map(Note::pitch).toList());

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Note(64, 90, 960, 480)), notes());
        assertEquals("*three.mid", vm.document().titleProperty().get());
    }

    @Test
    void rulerClickMovesThePlayheadAndDragSetsTheLoop(FxRobot robot) {
        javafx.scene.Node ruler = robot.lookup("#piano-roll-ruler").query();
        PianoRollGeometry g = window.pianoRoll().geometry();
        Point2D at = ruler.localToScreen(g.tickToX(1920) + 1, 12);
        robot.clickOn(at, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1920, vm.pianoRoll().playheadProperty().get());
        assertTrue(robot.lookup("#transport-position").queryLabeled().getText().startsWith("bar 2 beat 1"));

        robot.drag(ruler.localToScreen(g.tickToX(480) + 1, 12), MouseButton.PRIMARY)
                .moveTo(ruler.localToScreen(g.tickToX(3840) + 1, 12)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(480, vm.pianoRoll().loopStartProperty().get());
        assertEquals(3840, vm.pianoRoll().loopEndProperty().get());
        assertTrue(vm.pianoRoll().loopEnabledProperty().get());
        assertTrue(robot.lookup("#transport-loop").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    @Test
    void velocityLaneDragSetsTheVelocityInOneUndoStep(FxRobot robot) {
        robot.interact(() -> vm.pianoRoll().drawNote(60, 480, true));
        javafx.scene.layout.Region lane = robot.lookup("#piano-roll-velocity").query();
        PianoRollGeometry g = window.pianoRoll().geometry();
        double x = g.tickToX(480) + 1;
        robot.drag(lane.localToScreen(x, lane.getHeight() / 2), MouseButton.PRIMARY)
                .moveTo(lane.localToScreen(x, 4)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(127, notes().get(0).velocity());
        assertEquals("Set velocity of 1 note", vm.document().undoNameProperty().get());
    }

    @Test
    void playIsDisabledWithAReasonUntilPlaybackIsReadyAndF1ListsShortcuts(FxRobot robot) {
        assertTrue(robot.lookup("#transport-play").queryButton().isDisabled());
        assertTrue(robot.lookup("#transport-unavailable").queryLabeled().isVisible());
        assertFalse(robot.lookup("#transport-unavailable").queryLabeled().getText().isBlank());

        robot.clickOn(window.pianoRoll().notesArea(), MouseButton.MIDDLE);
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.listTargetWindows().stream()
                .anyMatch(w -> w instanceof Stage st && "Keyboard shortcuts".equals(st.getTitle())));
        assertTrue(robot.lookup("Ctrl+Shift+Z / Ctrl+Y").tryQuery().isPresent());
        // every key is shown whole: no label of the key column is cut to "Ctrl+Shift+Z /..."
        java.util.Set<javafx.scene.control.Label> keys = robot.lookup(".shortcut-keys").queryAllAs(javafx.scene.control.Label.class);
        assertEquals(window.actions().helpRows().size(), keys.size());
        for (javafx.scene.control.Label k : keys) {
            javafx.scene.text.Text shown = (javafx.scene.text.Text) k.lookup(".text");
            assertEquals(k.getText(), shown.getText(), "the key column shows " + k.getText() + " whole");
        }
        assertTrue(robot.lookup("Click on empty grid").tryQuery().isPresent());
    }

    @Test
    void menusKeysAndTooltipsComeFromTheOneTableOfActions(FxRobot robot) {
        StudioActions actions = window.actions();
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        java.util.Map<String, javafx.scene.control.MenuItem> items = new java.util.HashMap<>();
        bar.getMenus().forEach(m -> m.getItems().forEach(i -> items.put(i.getId(), i)));
        for (StudioActions.Action a : actions.all()) {
            if (a.menuText == null) continue;
            javafx.scene.control.MenuItem item = items.get("menu-" + a.id);
            assertTrue(item != null, "a menu item for " + a.id);
            if (a.scope == StudioActions.Scope.WINDOW && !a.keys.isEmpty()) {
                assertEquals(a.keys.get(0), item.getAccelerator(), a.id);
            } else if (!a.keys.isEmpty()) {
                assertEquals(null, item.getAccelerator(), a.id + ": plain keys are no accelerators");
            }
        }
        assertEquals("Generate variations: continue the selection, or the bars before the playhead",
                actions.find("generate").orElseThrow().help);
        assertTrue(robot.lookup("#generate-run").queryButton().getTooltip().getText().endsWith("(Ctrl+G)"));
        assertTrue(robot.lookup("#generate-previous").queryButton().getTooltip().getText().endsWith("([ / Alt+Left)"));
        assertTrue(robot.lookup("#transport-play").queryButton().getTooltip().getText().endsWith("(Space)"));

        // a plain key of the table works on the Compose tab and is left alone on the Analysis tab
        robot.interact(() -> vm.pianoRoll().drawNote(64, 0, true));
        robot.interact(() -> vm.pianoRoll().selectAll());
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, notes().size(), "Delete on the Analysis tab does not touch the song");
        robot.interact(() -> window.tabs().getSelectionModel().select(0));
        robot.clickOn(window.pianoRoll().notesArea(), MouseButton.MIDDLE);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, notes().size());
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> vm.pianoRoll().drawNote(64, 0, true));
        assertTrue(vm.document().isDirty());
        // the question is modal: fire the close request without waiting for it, then answer
        var closing = WaitForAsyncUtils.asyncFx(() -> window.stage().fireEvent(
                new javafx.stage.WindowEvent(window.stage(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("You have unsaved changes").tryQuery().isPresent(), "the question is shown");
        robot.clickOn("Cancel");
        closing.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(window.stage().isShowing(), "Cancel keeps the window open");
        assertTrue(vm.document().isDirty());

        robot.interact(() -> vm.pianoRoll().selectAll());
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        robot.interact(() -> vm.pianoRoll().playheadProperty().set(1920));
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(0L, 1920L), notes().stream().map(Note::start).toList(), "Ctrl+C, Ctrl+V at the playhead");
    }

    @Test
    void aBrokenFileGivesANotificationAndKeepsTheSong(FxRobot robot) throws Exception {
        robot.interact(() -> vm.pianoRoll().drawNote(64, 0, true));
        robot.interact(() -> vm.files().saveAs(userData.resolve("kept.mid")));
        Path bad = userData.resolve("bad.mid");
        java.nio.file.Files.write(bad, new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 9});
        robot.interact(() -> window.openFile(bad));
        WaitForAsyncUtils.waitForFxEvents();
        String status = vm.statusProperty().get();
        assertTrue(status.startsWith("Cannot open bad.mid: "), status);
        assertFalse(status.contains("Exception"), status);
        assertEquals(1, notes().size(), "the open song stays");
        assertTrue(robot.lookup(".notification-bar").tryQuery().isPresent(), "an error notification is shown");
    }
}

package org.melodist.studio.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.melodist.generate.TinyMelodyModel;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;
import org.melodist.studio.tasks.SameThreadRunner;

/** The Generate panel in the real studio window under headless Monocle: generate, cycle, accept, undo. */
@ExtendWith(ApplicationExtension.class)
class GeneratePanelWindowTest {

    @TempDir
    static Path userData;
    private StudioWindow window;
    private StudioViewModel vm;

    @Start
    void start(Stage stage) {
        // the tiny test model stands in for the shipped one; a test below swaps in a missing folder. Jobs run
        // on the FX thread as they are started, so a click on Generate has its variations when it returns
        vm = StudioComposition.create(userData.resolve("u" + System.nanoTime()), SequencerPlaybackService::forSoundCard,
                MelodyGeneratorSource.at(TinyMelodyModel.dir()), GenreModelSource.shipped(), new SameThreadRunner());
        window = new StudioWindow(stage, vm);
        stage.setWidth(1280);
        stage.setHeight(760);
        stage.show();
    }

    @AfterEach
    void closeModel() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::close).get(10, TimeUnit.SECONDS);
    }

    private static Song tune() {
        int[] scale = {62, 64, 66, 67, 69, 71, 73, 74};
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 16; i++) notes.add(new Note(scale[(i * 5) % 8], 90, i * 240L, 240));
        return Song.of(480, 120, List.of(Track.of("Lead", 0, 0, notes)));
    }

    private List<Note> notes() {
        return vm.document().current().track(0).notes();
    }

    private void assertGenerated() {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.generate().runningProperty().get(), "the generation ran to its end on the FX thread");
        assertFalse(vm.generate().variations().isEmpty(), vm.generate().messageProperty().get());
    }

    private String which(FxRobot robot) {
        return robot.lookup("#generate-which").queryLabeled().getText();
    }

    @Test
    void generateCycleAcceptAndUndoThroughTheWindow(FxRobot robot) throws Exception {
        Path file = userData.resolve("tune.mid");
        new MidiFileWriter().write(tune(), file);
        robot.interact(() -> window.openFile(file));
        List<Note> original = notes();
        assertEquals(16, original.size());
        assertTrue(robot.lookup("#generate-accept").queryButton().isDisabled(), "nothing to accept yet");
        assertEquals("–/–", which(robot));

        robot.clickOn("#generate-run");
        assertGenerated();
        int count = vm.generate().variations().size();
        assertEquals(GenerateSettings.DEFAULT_VARIATIONS, count);
        assertEquals("1/" + count, which(robot));
        assertEquals(vm.generate().variations().get(0), window.pianoRoll().ghostVariation(), "the ghost notes show variation 1");
        assertEquals(original, notes(), "generating leaves the track alone");
        assertFalse(robot.lookup("#generate-accept").queryButton().isDisabled());

        // cycle: the key ], the ▶ button, then Alt+Left back
        robot.clickOn(window.pianoRoll().notesArea(), MouseButton.MIDDLE);
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2/" + count, which(robot));
        robot.clickOn("#generate-next");
        assertEquals("3/" + count, which(robot));
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2/" + count, which(robot));
        List<Note> second = vm.generate().variations().get(1);
        assertEquals(second, window.pianoRoll().ghostVariation());
        assertEquals(original, notes(), "Alt+Left cycled, it did not move notes");

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        List<Note> expected = new ArrayList<>(original);
        expected.addAll(second);
        expected.sort(null);
        assertEquals(expected, notes(), "Ctrl+Enter accepted variation 2 after the seed");
        assertTrue(window.pianoRoll().ghostVariation().isEmpty(), "no ghosts after accepting");
        assertEquals("–/–", which(robot));
        assertTrue(vm.statusProperty().get().startsWith("Accepted variation 2"), vm.statusProperty().get());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(original, notes(), "one Ctrl+Z takes the whole continuation back");

        // Ctrl+G generates again, Escape discards
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        assertGenerated();
        assertFalse(window.pianoRoll().ghostVariation().isEmpty());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.generate().variations().isEmpty());
        assertTrue(window.pianoRoll().ghostVariation().isEmpty());
        assertEquals(original, notes());
    }

    @Test
    void variationsBeyondTheRightEdgeAreScrolledIntoView(FxRobot robot) throws Exception {
        // sixteen bars of quarter notes: the continuation after them starts far right of the window
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 64; i++) notes.add(new Note(60 + (i * 2) % 12, 90, i * 480L, 480));
        Path file = userData.resolve("long.mid");
        new MidiFileWriter().write(Song.of(480, 120, List.of(Track.of("Lead", 0, 0, notes))), file);
        robot.interact(() -> window.openFile(file));
        var roll = window.pianoRoll();
        double width = roll.notesArea().getWidth();
        assertTrue(roll.geometry().tickToX(64 * 480) > width, "the track's end is off screen before generating");

        robot.clickOn("#generate-run");
        assertGenerated();
        long[] range = vm.generate().continuationRange();
        assertEquals(64 * 480, range[0]);
        double start = roll.geometry().tickToX(range[0]);
        assertTrue(start > 0 && start < width / 2, "the continuation starts in view, with some seed before it: x=" + start);
        List<Note> ghosts = roll.ghostVariation();
        int hi = ghosts.stream().mapToInt(Note::pitch).max().orElseThrow();
        int lo = ghosts.stream().mapToInt(Note::pitch).min().orElseThrow();
        double height = roll.notesArea().getHeight();
        var g = roll.geometry();
        if ((hi - lo + 1) * g.rowHeight() <= height) {
            assertTrue(g.pitchToY(hi) >= 0 && g.pitchToY(lo) + g.rowHeight() <= height, "all ghost rows in view: " + lo + "-" + hi);
        } else {
            double mid = g.pitchToY((hi + lo) / 2);
            assertTrue(mid >= 0 && mid < height, "a range taller than the view shows its middle: " + lo + "-" + hi);
        }
    }

    @Test
    void variationsGetAnOriginalityBadgeAndCheckOriginalityComparesWithTheSource(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.melodist.studio.originality.OriginalityViewModel.shippedLocation() != null,
                "shipped originality index not found");
        // a passage of a training tune, moved up a tone, as the song's track
        org.melodist.originality.Melody source = org.melodist.originality.OriginalityModels.load(
                org.melodist.studio.originality.OriginalityViewModel.shippedLocation()).corpus().melody(3);
        List<Note> copied = new ArrayList<>();
        long first = source.onset(0) / 2;
        for (int i = 0; i < 40; i++) {
            copied.add(new Note(source.pitch(i) + 2, 90, source.onset(i) / 2 - first, Math.max(1, source.duration(i) / 2)));
        }
        Path file = userData.resolve("copied.mid");
        new MidiFileWriter().write(Song.of(480, 120, List.of(Track.of("Lead", 0, 0, copied))), file);
        robot.interact(() -> window.openFile(file));
        robot.interact(() -> vm.badges().originality().reindex());
        assertTrue(robot.lookup("#originality-badge").tryQuery().map(n -> !n.isVisible()).orElse(true), "no badge before generating");

        robot.clickOn("#generate-run");
        assertGenerated();
        javafx.scene.control.Hyperlink badge = robot.lookup("#originality-badge").queryAs(javafx.scene.control.Hyperlink.class);
        assertTrue(badge.isVisible());
        assertTrue(badge.getText().matches("original|borrows \\d+ notes from .+|copy of .+"), badge.getText());
        assertEquals(vm.badges().badgeProperty().get(), badge.getText());

        robot.clickOn("#originality-check");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("copy of " + source.name(), vm.badges().originality().lastResultProperty().get().badge());
        assertTrue(robot.lookup("#originality-compare").tryQuery().isPresent(), "the side-by-side window opened");
        assertTrue(robot.lookup("#originality-compare-title").queryLabeled().getText().contains("+2 semitones"),
                robot.lookup("#originality-compare-title").queryLabeled().getText());
    }

    @Test
    void theShortcutsDialogListsTheGenerateKeys(FxRobot robot) {
        robot.clickOn(window.pianoRoll().notesArea(), MouseButton.MIDDLE);
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Ctrl+G").tryQuery().isPresent());
        assertTrue(robot.lookup("Ctrl+Enter").tryQuery().isPresent());
    }

    @Test
    void withoutAModelGenerateIsDisabledAndSaysWhere(FxRobot robot) throws Exception {
        Path missing = userData.resolve("no-models").resolve("melody-lstm");
        StudioViewModel bare = WaitForAsyncUtils.asyncFx(() -> StudioComposition.create(userData.resolve("v" + System.nanoTime()),
                SequencerPlaybackService::forSoundCard, MelodyGeneratorSource.at(missing))).get(10, TimeUnit.SECONDS);
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            new StudioWindow(s, bare);
            s.show();
            return s;
        }).get(10, TimeUnit.SECONDS);
        try {
            Button generate = robot.from(stage.getScene().getRoot()).lookup("#generate-run").queryButton();
            assertTrue(generate.isDisabled());
            String state = robot.from(stage.getScene().getRoot()).lookup("#generate-model-state").queryLabeled().getText();
            assertEquals("Melody model not found in " + missing.toAbsolutePath().normalize(), state);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                stage.close();
                bare.close();
            }).get(10, TimeUnit.SECONDS);
        }
    }
}

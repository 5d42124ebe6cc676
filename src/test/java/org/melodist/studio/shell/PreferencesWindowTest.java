package org.melodist.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.melodist.feedback.FeedbackEntry;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.generate.FeedbackViewModel;
import org.melodist.studio.tasks.SameThreadRunner;

/** Edit ▸ Preferences… in the real studio window under headless Monocle: the folders, the judgements and Clear. */
@ExtendWith(ApplicationExtension.class)
class PreferencesWindowTest {

    @TempDir
    static Path dir;
    private StudioViewModel vm;

    @Start
    void start(Stage stage) {
        vm = StudioComposition.create(dir.resolve("u" + System.nanoTime()), SequencerPlaybackService::forSoundCard,
                MelodyGeneratorSource.shipped(), GenreModelSource.shipped(), new SameThreadRunner());
        new StudioWindow(stage, vm);
        stage.setWidth(1100);
        stage.setHeight(700);
        stage.show();
    }

    private String selectedTab(FxRobot robot) {
        return robot.lookup("#preferences-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void preferencesFromTheEditMenuShowTheFoldersAndClearTheJudgementsAfterAsking(FxRobot robot) {
        FeedbackViewModel fb = vm.generate().feedback();
        assertNotNull(fb, "the studio keeps judgements");
        robot.interact(() -> fb.record(List.of(
                new FeedbackEntry(480, TimeSignature.FOUR_FOUR, 120.0, List.of(new Note(60, 90, 0, 480)),
                        List.of(new Note(62, 90, 480, 480)), true, null, "folk"),
                new FeedbackEntry(480, TimeSignature.FOUR_FOUR, 120.0, List.of(new Note(60, 90, 0, 480)),
                        List.of(new Note(67, 90, 480, 480)), false, null, "folk"))));

        robot.clickOn("Edit");
        robot.clickOn("#menu-preferences");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("preferences-originality", selectedTab(robot), "it opens at Originality");
        ListView<?> folders = robot.lookup("#originality-folders").queryAs(ListView.class);
        assertTrue(folders.getItems().isEmpty());
        assertTrue(robot.lookup("#originality-add-folder").queryButton().isVisible());
        assertTrue(robot.lookup("#originality-remove-folder").queryButton().isDisabled(), "nothing selected to remove");

        robot.clickOn("Learning from your choices");
        WaitForAsyncUtils.waitForFxEvents();
        Label count = robot.lookup("#preferences-judgements").queryAs(Label.class);
        assertEquals("2 judgements are logged in " + fb.logFile(), count.getText());
        Button clear = robot.lookup("#preferences-clear-judgements").queryButton();
        robot.clickOn(clear);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, fb.countProperty().get(), "Cancel keeps them");
        robot.clickOn(clear);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Forget all 2 judgements? The personal model stays until you reset it.").tryQuery().isPresent());
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fb.countProperty().get());
        assertEquals("No judgements are logged in " + fb.logFile(), count.getText());
        assertTrue(clear.isDisabled());

        // the Generate panel's Folders… brings the same window back at Originality
        robot.clickOn("#preferences-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#preferences-tabs").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        robot.interact(() -> robot.lookup("#originality-folders-button").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("preferences-originality", selectedTab(robot));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

package org.melodist.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.melodist.sound.AudioInput;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.tasks.SameThreadRunner;
import org.melodist.transcribe.SyntheticSinger;

/**
 * The Generate menu's audio and style windows in the real studio window under headless Monocle: Sing a seed on a
 * machine without an audio input, a transcribed recording used as a new track by its button, and Learn a style
 * before a folder is chosen. Work runs on the test's FX thread (a same-thread runner).
 */
@ExtendWith(ApplicationExtension.class)
class AudioAndStyleWindowsTest {

    @TempDir
    static Path dir;
    private StudioWindow window;
    private StudioViewModel vm;

    @Start
    void start(Stage stage) {
        vm = StudioComposition.create(dir.resolve("u" + System.nanoTime()), SequencerPlaybackService::forSoundCard,
                MelodyGeneratorSource.shipped(), GenreModelSource.shipped(), new SameThreadRunner());
        window = new StudioWindow(stage, vm);
        stage.setWidth(1100);
        stage.setHeight(700);
        stage.show();
    }

    private void run(FxRobot robot, String action) {
        robot.interact(() -> window.actions().find(action).orElseThrow().run.run());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void singASeedWithoutAnAudioInputSaysWhyAndLeavesSingDisabled(FxRobot robot) {
        assumeTrue(AudioInput.system().unavailableReason().isPresent(), "this machine has an audio input");
        run(robot, "sing-seed");
        assertTrue(robot.lookup("#transcribe-sing").queryButton().isDisabled());
        Label why = robot.lookup("#transcribe-no-input").queryAs(Label.class);
        assertTrue(why.isVisible());
        assertEquals("No audio input device (microphone) found", why.getText());
        assertEquals("No audio input device (microphone) found", vm.statusProperty().get(), "the status bar says it too");
        assertTrue(robot.lookup("#transcribe-open").queryButton().isVisible(), "a recording can still be opened");
    }

    @Test
    void aTranscribedRecordingBecomesATrackWithItsButton(FxRobot robot) throws Exception {
        run(robot, "transcribe");
        assertTrue(robot.lookup("#transcribe-use-track").queryButton().isDisabled(), "no notes yet");
        Path wav = SyntheticSinger.writeWav(dir.resolve("hum.wav"), SyntheticSinger.sing(
                SyntheticSinger.line(0.2, 0.4, 0.1, 60, 64, 67, 72), SyntheticSinger.Style.PLAIN, 44_100, 2.5, 1), 44_100);
        robot.interact(() -> vm.transcribe().transcribeFile(wav));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#transcribe-summary").queryLabeled().getText().startsWith("4 notes, C4-C5, tuning "),
                robot.lookup("#transcribe-summary").queryLabeled().getText());
        int tracks = vm.document().current().tracks().size();
        robot.clickOn("#transcribe-use-track");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(tracks + 1, vm.document().current().tracks().size());
        assertEquals(List.of(60, 64, 67, 72), vm.document().current().track(tracks).notes().stream().map(n -> n.pitch()).toList());
    }

    @Test
    void useAsMelodyInTheAnalysisTabTranscribesTheSelectedRecording(FxRobot robot) throws Exception {
        Path wav = SyntheticSinger.writeWav(dir.resolve("tune.wav"), SyntheticSinger.sing(
                SyntheticSinger.line(0.2, 0.4, 0.1, 62, 66, 69), SyntheticSinger.Style.PLAIN, 44_100, 2.0, 2), 44_100);
        robot.interact(() -> {
            window.tabs().getSelectionModel().select(window.tabs().getTabs().stream()
                    .filter(t -> "analysis-tab".equals(t.getId())).findFirst().orElseThrow());
            vm.analysis().add(List.of(wav));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#analysis-use-melody");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(62, 66, 69), vm.transcribe().notes().stream().map(n -> n.pitch()).toList());
        assertEquals("From tune.wav", robot.lookup("#transcribe-source").queryLabeled().getText());
    }

    @Test
    void learnAStyleOpensWithNothingToLearnYet(FxRobot robot) {
        run(robot, "learn-style");
        assertTrue(robot.lookup("#style-learn").queryButton().isDisabled(), "no folder chosen");
        assertTrue(robot.lookup("#style-cancel").queryButton().isDisabled());
        assertEquals("Choose a folder of MIDI files", robot.lookup("#style-status").queryLabeled().getText());
        assertFalse(robot.lookup("#style-loss-chart").tryQuery().isEmpty(), "the loss chart is there, empty");
    }
}

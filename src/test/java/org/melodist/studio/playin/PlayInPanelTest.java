package org.melodist.studio.playin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.melodist.generate.TinyMelodyModel;
import org.melodist.sound.GervillRecordingOutput;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;
import org.melodist.studio.tasks.FxBackgroundRunner;

/** The play-in strip in the real window under headless Monocle, with a synthetic keyboard plugged in later. */
@ExtendWith(ApplicationExtension.class)
class PlayInPanelTest {

    @TempDir
    static Path userData;
    private final PlayInViewModelTest.SyntheticInputs inputs = new PlayInViewModelTest.SyntheticInputs();
    private StudioViewModel vm;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        vm = StudioComposition.create(userData.resolve("u" + System.nanoTime()),
                sel -> new SequencerPlaybackService(new GervillRecordingOutput(sel.bank(), 44_100f, 5)),
                MelodyGeneratorSource.at(TinyMelodyModel.dir()), GenreModelSource.shipped(), new FxBackgroundRunner(),
                inputs, sel -> new GervillRecordingOutput(sel.bank(), 44_100f, 5));
        window = new StudioWindow(stage, vm);
        stage.setWidth(1200);
        stage.setHeight(760);
        stage.show();
        vm.playIn().startWatchingDevices();
    }

    @Test
    void withoutAKeyboardTheInputSaysSoAndIsDisabledThenAPluggedOneIsUsedAndRStartsTheCountIn(FxRobot robot)
            throws Exception {
        ComboBox<?> device = robot.lookup("#playin-input").queryAs(ComboBox.class);
        Label status = robot.lookup("#playin-input-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("No MIDI input found"));
        assertTrue(device.isDisabled(), "no input: the list is disabled");
        assertEquals("No MIDI input found: plug in a keyboard", status.getText());

        inputs.plugged.add(new org.melodist.perform.MidiInputInfo("Synthetic keys", "test", "timestamped"));
        // found by the next look, within two seconds
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !device.isDisabled());
        robot.interact(() -> vm.playIn().inputProperty().set(vm.playIn().devices().get(0)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inputs.connected != null);
        assertTrue(status.getText().startsWith("Synthetic keys (timestamped)"), status.getText());

        ToggleButton record = robot.lookup("#playin-record").queryAs(ToggleButton.class);
        robot.interact(() -> window.pianoRoll().notesArea().requestFocus());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PlayInViewModel.State.COUNT_IN, vm.playIn().state());
        assertTrue(record.isSelected());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PlayInViewModel.State.IDLE, vm.playIn().state());
        assertFalse(record.isSelected());
        robot.interact(vm::close);
    }
}

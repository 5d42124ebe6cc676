package org.melodist.studio.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.melodist.analysis.SyntheticMusic;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.shell.StudioComposition;
import org.melodist.studio.shell.StudioViewModel;
import org.melodist.studio.shell.StudioWindow;
import org.melodist.studio.tasks.SameThreadRunner;

/** The analysis tab in the real studio window under headless Monocle: a file in, summary and charts out. */
@ExtendWith(ApplicationExtension.class)
class AnalysisTabTest {

    @TempDir
    static Path dir;
    private StudioWindow window;
    private StudioViewModel vm;

    @Start
    void start(Stage stage) {
        // analyses run on the FX thread as they are queued, so the tab shows the result when add() returns
        vm = StudioComposition.create(dir.resolve("u" + System.nanoTime()), SequencerPlaybackService::forSoundCard,
                MelodyGeneratorSource.shipped(), GenreModelSource.shipped(), new SameThreadRunner());
        window = new StudioWindow(stage, vm);
        stage.setWidth(1200);
        stage.setHeight(760);
        stage.show();
    }

    private AnalysisView showTab(FxRobot robot) {
        robot.interact(() -> window.tabs().getSelectionModel().select(
                window.tabs().getTabs().stream().filter(t -> "analysis-tab".equals(t.getId())).findFirst().orElseThrow()));
        return robot.lookup("#analysis-view").queryAs(AnalysisView.class);
    }

    @Test
    void anAnalysedFileFillsTheSummaryAndChartsAndSeedsTheSong(FxRobot robot) throws Exception {
        AnalysisView view = showTab(robot);
        assertTrue(robot.lookup("#analysis-drop-zone").tryQuery().isPresent());
        assertTrue(robot.lookup("#analysis-seed").queryButton().isDisabled(), "nothing to take before an analysis");
        Path wav = SyntheticMusic.writeWav(dir.resolve("band.wav"), 45, 22_050, 120, 11);
        robot.interact(() -> view.viewModel().add(List.of(wav)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#chart-genre").tryQuery().isPresent(), "the analysis has run and the charts show it");

        assertEquals("band.wav", robot.lookup("#summary-file").queryLabeled().getText());
        assertEquals("0:45.0", robot.lookup("#summary-duration").queryLabeled().getText());
        assertTrue(robot.lookup("#summary-tempo").queryLabeled().getText().contains("BPM"));
        assertFalse(robot.lookup("#summary-key").queryLabeled().getText().isBlank());
        for (String chart : List.of("#chart-waveform", "#chart-spectral", "#chart-rms", "#chart-chroma", "#chart-mfcc",
                "#chart-genre", "#chart-genre-time")) {
            ChartViewer viewer = robot.lookup(chart).queryAs(ChartViewer.class);
            assertNotNull(viewer.getChart(), chart);
        }
        ChartViewer genre = robot.lookup("#chart-genre").queryAs(ChartViewer.class);
        assertEquals(10, genre.getChart().getCategoryPlot().getDataset().getColumnCount(), "all ten genres");
        ChartViewer overTime = robot.lookup("#chart-genre-time").queryAs(ChartViewer.class);
        assertEquals(2, overTime.getChart().getXYPlot().getDataset().getItemCount(0), "45 s: two genre windows");
        AnalysisResult r0 = view.viewModel().selectedResultProperty().get();
        ChartViewer wave = robot.lookup("#chart-waveform").queryAs(ChartViewer.class);
        assertEquals(3 * r0.analysis().beatTimes().length, wave.getChart().getXYPlot().getDataset(1).getItemCount(0),
                "a line on each beat");
        assertTrue(r0.analysis().beatTimes().length > 60, "45 s at 120 BPM");
        assertTrue(wave.getWidth() > 600, "the charts take the width of the tab: " + wave.getWidth());

        // Use as seed through the button, then undo with the keyboard
        AnalysisResult r = view.viewModel().selectedResultProperty().get();
        Key detected = r.analysis().key().key();
        robot.clickOn("#analysis-seed");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(detected, vm.document().current().key());
        assertEquals(AnalysisViewModel.seedTempo(r.analysis().tempoBpm()), vm.document().current().tempoMap().initialBpm(), 1e-9);
        assertTrue(vm.statusProperty().get().startsWith("Song set to"), vm.statusProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.document().current().key());
        assertEquals(120, vm.document().current().tempoMap().initialBpm(), 1e-9);
    }

    @Test
    void aBadFileNotifiesAndAMidiFileOpensInCompose(FxRobot robot) throws Exception {
        AnalysisView view = showTab(robot);
        Path bad = Files.writeString(dir.resolve("notes.flac"), "this is not a FLAC file");
        robot.interact(() -> view.viewModel().add(List.of(bad)));
        AnalysisItem item = view.viewModel().items().get(0);
        assertEquals(AnalysisItem.State.FAILED, item.state());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".notification-bar").tryQuery().isPresent(), "an error notification is shown");
        assertTrue(vm.statusProperty().get().contains("notes.flac"), vm.statusProperty().get());

        Path mid = dir.resolve("reel.mid");
        new MidiFileWriter().write(Song.of(480, 110, List.of(Track.of("Reel", 0, 0, List.of(new Note(62, 90, 0, 240))))), mid);
        robot.interact(() -> view.viewModel().add(List.of(mid)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("compose-tab", window.tabs().getSelectionModel().getSelectedItem().getId());
        assertEquals(mid.toAbsolutePath(), vm.document().file());
        assertEquals(1, view.viewModel().items().size(), "the MIDI file is not queued");
    }
}

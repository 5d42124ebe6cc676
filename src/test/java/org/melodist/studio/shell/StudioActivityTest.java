package org.melodist.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.tasks.SameThreadRunner;

/** The status bar's progress follows whatever the studio is busy with: a panel's own work, or a status-bar job. */
class StudioActivityTest {

    @TempDir
    Path userData;

    @Test
    void aRunningPanelActivityShowsItsProgressUntilItEnds() {
        StudioViewModel vm = StudioComposition.create(userData, SequencerPlaybackService::forSoundCard,
                MelodyGeneratorSource.shipped(), GenreModelSource.shipped(), new SameThreadRunner());
        SimpleBooleanProperty analysing = new SimpleBooleanProperty(false);
        SimpleDoubleProperty analysisProgress = new SimpleDoubleProperty(0);
        vm.showActivity(analysing, analysisProgress);
        analysisProgress.set(0.3);
        assertEquals(0.0, vm.progressProperty().get(), "idle work is not shown");
        analysing.set(true);
        assertEquals(0.3, vm.progressProperty().get(), 1e-9);
        analysisProgress.set(0.6);
        assertEquals(0.6, vm.progressProperty().get(), 1e-9);
        analysing.set(false);
        assertEquals(0.0, vm.progressProperty().get());
        vm.close();
    }
}

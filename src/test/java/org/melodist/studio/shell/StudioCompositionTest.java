package org.melodist.studio.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.SequencerPlaybackService;
import org.melodist.studio.analysis.GenreModelSource;
import org.melodist.studio.generate.MelodyGeneratorSource;
import org.melodist.studio.tasks.SameThreadRunner;

/** The composition root wires the panels to each other and to the status bar, without a window or toolkit. */
class StudioCompositionTest {

    @TempDir
    Path dir;

    private StudioViewModel compose() {
        return StudioComposition.create(dir.resolve("user"), SequencerPlaybackService::forSoundCard,
                MelodyGeneratorSource.at(dir.resolve("no-model")), GenreModelSource.shipped(), new SameThreadRunner());
    }

    @Test
    void aMidiFileGivenToTheAnalysisTabOpensInComposeThroughTheWindowsHandler() throws Exception {
        Path mid = dir.resolve("tune.mid");
        new MidiFileWriter().write(Song.of(480, 100, List.of(Track.of("Tune", 0, 0,
                List.of(new Note(64, 90, 0, 480), new Note(67, 90, 480, 480))))), mid);
        try (StudioViewModel vm = compose()) {
            vm.analysis().add(List.of(mid));
            assertEquals(mid.toAbsolutePath(), vm.document().file(), "without a window the file simply opens");
            assertTrue(vm.statusProperty().get().startsWith("Opened tune.mid"), vm.statusProperty().get());

            List<Path> askedFirst = new ArrayList<>();
            vm.openRequests().handleWith(askedFirst::add);
            vm.analysis().add(List.of(mid));
            assertEquals(List.of(mid), askedFirst, "with a window, the window decides (unsaved changes?)");
        }
    }

    @Test
    void panelMessagesReachTheStatusBar() {
        try (StudioViewModel vm = compose()) {
            vm.generate().generate();
            assertTrue(vm.statusProperty().get().startsWith("Melody model not found"), vm.statusProperty().get());
            vm.analysis().useAsSeed();
            assertEquals("Analyse a file first: its tempo and key become the song's", vm.statusProperty().get());
        }
    }
}

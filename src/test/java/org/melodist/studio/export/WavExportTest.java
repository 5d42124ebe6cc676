package org.melodist.studio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import javafx.concurrent.Worker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.OfflineRenderer;
import org.melodist.sound.RenderOptions;
import org.melodist.studio.FxTestSupport;

class WavExportTaskTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    private static Song tune(int bars) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < bars * 4; i++) notes.add(new Note(60 + (i * 5) % 12, 100, i * 480L, 400));
        return Song.of(480, 120, List.of(Track.of("Lead", 0, 0, notes)));
    }

    @Test
    void writesAWavOfTheRenderedLengthWithProgress() throws Exception {
        Song song = tune(2);
        RenderOptions options = RenderOptions.DEFAULT.withTail(0.5);
        WavExportTask task = new WavExportTask(song, Optional.empty(), options, dir.resolve("out"));
        task.run();
        assertEquals(Worker.State.SUCCEEDED, FxTestSupport.onFx(task::getState));
        Path wav = dir.resolve("out.wav");
        assertEquals(wav, task.get());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            double seconds = in.getFrameLength() / in.getFormat().getFrameRate();
            assertEquals(OfflineRenderer.renderedSeconds(song, options), seconds, 0.05);
        }
        assertEquals(1.0, FxTestSupport.onFx(task::getProgress), 1e-9);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(wav), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void cancellingLeavesNoFile() throws Exception {
        WavExportTask task = new WavExportTask(tune(60), Optional.empty(), RenderOptions.DEFAULT, dir.resolve("long.wav"));
        Thread worker = new Thread(task);
        worker.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!task.isDone() && FxTestSupport.onFx(task::getProgress) <= 0.01 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        FxTestSupport.onFx(() -> task.cancel());
        worker.join(30_000);
        assertTrue(task.isCancelled(), "cancelled while rendering 60 bars");
        if (task.isCancelled()) {
            try (Stream<Path> files = Files.list(dir)) {
                assertFalse(files.findAny().isPresent(), "a cancelled export leaves nothing");
            }
        }
    }
}

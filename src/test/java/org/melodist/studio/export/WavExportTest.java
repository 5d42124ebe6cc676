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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.Track;
import org.melodist.sound.OfflineRenderer;
import org.melodist.sound.RenderOptions;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.tasks.SameThreadRunner;

/** WAV export as the studio runs it, a job on the runner; here on the test's thread, without a toolkit. */
class WavExportTest {

    @TempDir
    Path dir;

    private final SameThreadRunner runner = new SameThreadRunner();

    private static Song tune(int bars) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < bars * 4; i++) notes.add(new Note(60 + (i * 5) % 12, 100, i * 480L, 400));
        return Song.of(480, 120, List.of(Track.of("Lead", 0, 0, notes)));
    }

    @Test
    void writesAWavOfTheRenderedLengthWithProgress() throws Exception {
        Song song = tune(2);
        RenderOptions options = RenderOptions.DEFAULT.withTail(0.5);
        Job<Path> job = runner.run("job", new WavExport(song, Optional.empty(), options, dir.resolve("out")).job());
        assertEquals(Job.State.SUCCEEDED, job.state(), () -> String.valueOf(job.exception()));
        assertEquals("Export out.wav", job.title());
        assertEquals("Exported out.wav", job.messageProperty().get());
        Path wav = dir.resolve("out.wav");
        assertEquals(wav, job.value());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            double seconds = in.getFrameLength() / in.getFormat().getFrameRate();
            assertEquals(OfflineRenderer.renderedSeconds(song, options), seconds, 0.05);
        }
        assertEquals(1.0, job.progressProperty().get(), 1e-9);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(wav), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void cancellingLeavesNoFile() throws Exception {
        Job<Path> job = new WavExport(tune(60), Optional.empty(), RenderOptions.DEFAULT, dir.resolve("long.wav")).job();
        // Cancel as the user would, once the progress bar has moved
        job.progressProperty().addListener((obs, o, n) -> {
            if (n.doubleValue() > 0.01) job.cancel();
        });
        runner.run("job", job);
        double stoppedAt = job.progressProperty().get();
        assertTrue(stoppedAt < 0.5, "the render stopped early, at " + stoppedAt);
        assertEquals(Job.State.CANCELLED, job.state(), "cancelled while rendering 60 bars");
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent(), "a cancelled export leaves nothing");
        }
    }
}

package org.melodist.studio.export;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Optional;

import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.melodist.AtomicFiles;
import org.melodist.song.Song;
import org.melodist.sound.OfflineRenderer;
import org.melodist.sound.RenderOptions;
import org.melodist.studio.tasks.Job;
import org.melodist.studio.tasks.Progress;
import org.melodist.studio.tasks.Work;

/**
 * Renders a song to a WAV file in the background with progress, cancellable at any point. The audio is
 * written to a temporary file beside the target and moved into place only when complete.
 */
public final class WavExport implements Work<Path> {

    private final Song song;
    private final Optional<Soundbank> bank;
    private final RenderOptions options;
    private final Path target;

    public WavExport(Song song, Optional<Soundbank> bank, RenderOptions options, Path target) {
        this.song = song;
        this.bank = bank;
        this.options = options;
        this.target = withWavExtension(target);
    }

    public Path target() {
        return target;
    }

    /** The export as a job for the status bar ("Export song.wav"). */
    public Job<Path> job() {
        return new Job<>("Export " + target.getFileName(), this);
    }

    @Override
    public Path call(Progress progress) throws IOException {
        progress.message("Rendering " + target.getFileName() + "…");
        AtomicFiles.replace(target, tmp -> {
            try (AudioInputStream rendered = new OfflineRenderer(bank).open(song, options)) {
                long frames = rendered.getFrameLength();
                long totalBytes = frames * rendered.getFormat().getFrameSize();
                InputStream counted = new ProgressStream(rendered, totalBytes, progress);
                try (AudioInputStream withProgress = new AudioInputStream(counted, rendered.getFormat(), frames)) {
                    AudioSystem.write(withProgress, AudioFileFormat.Type.WAVE, tmp.toFile());
                }
            }
        });
        progress.message("Exported " + target.getFileName());
        progress.progress(1, 1);
        return target;
    }

    private static Path withWavExtension(Path p) {
        String n = String.valueOf(p.getFileName()).toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".wav") ? p : p.resolveSibling(p.getFileName() + ".wav");
    }

    /** Reports bytes read as progress and stops the render when the task is cancelled. */
    private static final class ProgressStream extends FilterInputStream {
        private final long total;
        private final Progress progress;
        private long read;

        ProgressStream(InputStream in, long total, Progress progress) {
            super(in);
            this.total = Math.max(1, total);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (progress.isCancelled()) throw new InterruptedIOException("export cancelled");
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                progress.progress(read, total);
            }
            return n;
        }
    }
}

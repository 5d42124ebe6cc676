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

import javafx.concurrent.Task;

import org.melodist.AtomicFiles;
import org.melodist.song.Song;
import org.melodist.sound.OfflineRenderer;
import org.melodist.sound.RenderOptions;

/**
 * Renders a song to a WAV file in the background with progress, cancellable at any point. The audio is
 * written to a temporary file beside the target and moved into place only when complete.
 */
public final class WavExportTask extends Task<Path> {

    private final Song song;
    private final Optional<Soundbank> bank;
    private final RenderOptions options;
    private final Path target;

    public WavExportTask(Song song, Optional<Soundbank> bank, RenderOptions options, Path target) {
        this.song = song;
        this.bank = bank;
        this.options = options;
        this.target = withWavExtension(target);
        updateTitle("Export " + this.target.getFileName());
    }

    public Path target() {
        return target;
    }

    @Override
    protected Path call() throws IOException {
        updateMessage("Rendering " + target.getFileName() + "…");
        AtomicFiles.replace(target, tmp -> {
            try (AudioInputStream rendered = new OfflineRenderer(bank).open(song, options)) {
                long frames = rendered.getFrameLength();
                long totalBytes = frames * rendered.getFormat().getFrameSize();
                InputStream counted = new ProgressStream(rendered, totalBytes);
                try (AudioInputStream withProgress = new AudioInputStream(counted, rendered.getFormat(), frames)) {
                    AudioSystem.write(withProgress, AudioFileFormat.Type.WAVE, tmp.toFile());
                }
            }
        });
        updateMessage("Exported " + target.getFileName());
        updateProgress(1, 1);
        return target;
    }

    private static Path withWavExtension(Path p) {
        String n = String.valueOf(p.getFileName()).toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".wav") ? p : p.resolveSibling(p.getFileName() + ".wav");
    }

    /** Reports bytes read as progress and stops the render when the task is cancelled. */
    private final class ProgressStream extends FilterInputStream {
        private final long total;
        private long read;

        ProgressStream(InputStream in, long total) {
            super(in);
            this.total = Math.max(1, total);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (isCancelled()) throw new InterruptedIOException("export cancelled");
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                updateProgress(read, total);
            }
            return n;
        }
    }
}

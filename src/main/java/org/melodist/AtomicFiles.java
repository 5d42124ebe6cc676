package org.melodist;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file so that a reader, a crash or a failed write never sees half of it: the content goes to a
 * hidden temporary file beside the target, which is then renamed over it (atomically where the file system
 * can). A user's work is never lost to an interrupted save.
 */
public final class AtomicFiles {

    /** Writes the whole content into the temporary file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code content}, creating its folder if needed. On failure the target
     * keeps its old content and no temporary file is left. Returns the absolute target.
     */
    public static Path replace(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            content.writeTo(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            return abs;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

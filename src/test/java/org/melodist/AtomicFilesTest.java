package org.melodist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesIntoANewFolderAndReplacesAnOldFile() throws IOException {
        Path target = dir.resolve("songs").resolve("tune.txt");
        assertEquals(target.toAbsolutePath(), AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "first")));
        AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "second"));
        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), listing(target.getParent()), "no temporary file left beside it");
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("tune.txt");
        Files.writeString(target, "kept");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.replace(target, tmp -> {
            Files.writeString(tmp, "half a fi");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("kept", Files.readString(target));
        assertEquals(List.of(target), listing(dir));
    }
}

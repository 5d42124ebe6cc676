package org.melodist.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken model folders end in one IOException line that names the faulty file and says what is wrong. */
class MelodyModelFilesTest {

    @TempDir
    Path tmp;

    private Path copyOfTinyModel() throws IOException {
        Path src = TinyMelodyModel.dir();
        Path dst = tmp.resolve("model");
        Files.createDirectories(dst);
        try (var files = Files.list(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    private static String parametersName(Path dir) throws IOException {
        try (MelodyModel m = MelodyModel.load(dir)) {
            return m.config().parameters();
        }
    }

    private static void assertOneLineNaming(IOException e, Path file, String reason) {
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith(file.toString()), m);
        assertTrue(m.contains(reason), m);
        assertFalse(m.contains("null"), m);
    }

    @Test
    void aTruncatedParameterFileIsNamed() throws IOException {
        Path dir = copyOfTinyModel();
        Path params = dir.resolve(parametersName(dir));
        byte[] all = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(all, all.length / 3));
        IOException e = assertThrows(IOException.class, () -> MelodyModel.load(dir));
        assertOneLineNaming(e, params, "ends early");
    }

    @Test
    void aBrokenConfigIsNamedWithItsLine() throws IOException {
        Path dir = copyOfTinyModel();
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\n  \"hidden\" : \n");
        IOException e = assertThrows(IOException.class, () -> MelodyModel.load(dir));
        assertOneLineNaming(e, config, "not a valid melody model config");
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        Path dir = copyOfTinyModel();
        Path params = dir.resolve(parametersName(dir));
        Files.delete(params);
        assertOneLineNaming(assertThrows(IOException.class, () -> MelodyModel.load(dir)), params, "missing");
        Files.delete(dir.resolve("config.json"));
        assertOneLineNaming(assertThrows(IOException.class, () -> MelodyModel.load(dir)), dir.resolve("config.json"), "missing");
    }

    @Test
    void theIntactCopyLoads() throws IOException {
        try (MelodyModel m = MelodyModel.load(copyOfTinyModel())) {
            assertEquals(MelodyEncoding.DEFAULT.vocabularySize(), m.config().vocabularySize());
        }
    }
}

package org.melodist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPathsTest {

    @AfterEach
    void clear() {
        System.clearProperty(AppPaths.MODELS_PROPERTY);
        System.clearProperty(AppPaths.USER_DATA_PROPERTY);
    }

    @Test
    void explicitModelsFolderWins(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("genre"));
        System.setProperty(AppPaths.MODELS_PROPERTY, tmp.toString());
        assertEquals(tmp.toAbsolutePath(), AppPaths.modelsDir().orElseThrow());
        assertEquals(tmp.resolve("genre").toAbsolutePath(), AppPaths.model("genre").orElseThrow());
        assertTrue(AppPaths.model("no-such-model").isEmpty());
    }

    @Test
    void projectModelsFolderIsFoundFromTheBuild() {
        // Tests run from the project root, which ships models/.
        assertTrue(AppPaths.modelsDir().isPresent(), AppPaths.modelsSearchDescription());
    }

    @Test
    void userDataCanBeRelocated(@TempDir Path tmp) {
        System.setProperty(AppPaths.USER_DATA_PROPERTY, tmp.toString());
        assertEquals(tmp, AppPaths.userDataDir());
    }
}

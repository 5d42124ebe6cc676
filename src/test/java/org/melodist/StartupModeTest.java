package org.melodist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupModeTest {

    @Test
    void noArgumentsOpensTheStudio() {
        assertTrue(StartupMode.opensStudio());
    }

    @Test
    void aMidiFileFromTheFileManagerOpensTheStudio(@TempDir Path tmp) throws Exception {
        Path song = Files.copy(Path.of("assets/demo/demo-jig.mid"), tmp.resolve("Jig.MIDI"));
        assertTrue(StartupMode.opensStudio(song.toString()));
        assertTrue(StartupMode.opensStudio(Path.of("assets/demo/demo-jig.mid").toAbsolutePath().toString()));
    }

    @Test
    void subcommandsAndOtherArgumentsRunTheCommandLine(@TempDir Path tmp) throws Exception {
        assertFalse(StartupMode.opensStudio("--help"));
        assertFalse(StartupMode.opensStudio("midi-info", "assets/demo/demo-jig.mid"));
        assertFalse(StartupMode.opensStudio(tmp.resolve("missing.mid").toString()));
        Path notMidi = Files.writeString(tmp.resolve("notes.txt"), "C4 D4");
        assertFalse(StartupMode.opensStudio(notMidi.toString()));
        Path folder = Files.createDirectories(tmp.resolve("folder.mid"));
        assertFalse(StartupMode.opensStudio(folder.toString()));
    }
}

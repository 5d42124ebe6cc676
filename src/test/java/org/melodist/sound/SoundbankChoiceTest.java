package org.melodist.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.settings.PropertiesFileSettingsStore;

class SoundbankChoiceTest {

    @TempDir
    Path dir;

    /** The sine bank with its ifil version rewritten to 3, as an SF3 file says. */
    private Path sf3Disguised(Path sf2, String name) throws Exception {
        byte[] b = Files.readAllBytes(sf2);
        for (int i = 12; i + 10 <= b.length; i++) {
            if (b[i] == 'i' && b[i + 1] == 'f' && b[i + 2] == 'i' && b[i + 3] == 'l') {
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(i + 8, (short) 3);
                break;
            }
        }
        Path out = dir.resolve(name);
        Files.write(out, b);
        return out;
    }

    @Test
    void sf3IsRejectedByNameAndByContentWithAClearMessage() throws Exception {
        Path sf2 = TestSoundbanks.writeSineBank(dir);
        Path named = dir.resolve("bank.sf3");
        Files.copy(sf2, named);
        SoundbankException byName = assertThrows(SoundbankException.class, () -> SoundbankFiles.load(named));
        assertTrue(byName.getMessage().startsWith(named + ": SF3"), byName.getMessage());
        Path disguised = sf3Disguised(sf2, "looks-like.sf2");
        SoundbankException byContent = assertThrows(SoundbankException.class, () -> SoundbankFiles.load(disguised));
        assertTrue(byContent.getMessage().contains("SF3"), byContent.getMessage());
        assertEquals("Melodist test sine", SoundbankFiles.load(sf2).getName());
    }

    @Test
    void brokenFilesGiveOneLineNamingTheFile() throws Exception {
        Path text = dir.resolve("notes.sf2");
        Files.writeString(text, "hello");
        Path truncated = dir.resolve("cut.sf2");
        byte[] whole = Files.readAllBytes(TestSoundbanks.writeSineBank(dir));
        Files.write(truncated, java.util.Arrays.copyOf(whole, 200));
        for (Path p : List.of(text, truncated, dir.resolve("missing.sf2"), dir)) {
            SoundbankException e = assertThrows(SoundbankException.class, () -> SoundbankFiles.load(p));
            assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void theChosenBankIsRememberedAcrossRestarts() throws Exception {
        Path sf2 = TestSoundbanks.writeSineBank(dir);
        Path settings = dir.resolve("settings.properties");
        Path emptySearch = dir.resolve("nothing-here");
        new SoundbankChoice(new PropertiesFileSettingsStore(settings), List.of(emptySearch)).choose(sf2);

        SoundbankChoice later = new SoundbankChoice(new PropertiesFileSettingsStore(settings), List.of(emptySearch));
        assertEquals(Optional.of(sf2.toAbsolutePath().normalize()), later.remembered());
        SoundbankChoice.Selection s = later.resolve();
        assertEquals(Optional.of(sf2.toAbsolutePath().normalize()), s.file());
        assertEquals("Melodist test sine", s.bank().orElseThrow().getName());

        later.forget();
        SoundbankChoice.Selection fallback = new SoundbankChoice(new PropertiesFileSettingsStore(settings),
                List.of(emptySearch)).resolve();
        assertTrue(fallback.bank().isEmpty(), "nothing chosen and nothing installed: the JDK's bank");
        assertEquals("Melodist's built-in soundbank (General MIDI)", fallback.description());
    }

    @Test
    void aRejectedChoiceIsNotRememberedAndAVanishedOneFallsBackToTheSystemFolders() throws Exception {
        Path system = Files.createDirectories(dir.resolve("sf2"));
        Path sine = TestSoundbanks.writeSineBank(system);
        Path gm = system.resolve("default-GM.sf2");
        Files.copy(sine, gm);
        Files.writeString(system.resolve("aaa-broken.sf2"), "junk");
        Path settings = dir.resolve("settings.properties");
        SoundbankChoice choice = new SoundbankChoice(new PropertiesFileSettingsStore(settings), List.of(system));
        assertEquals(List.of(gm, system.resolve("aaa-broken.sf2"), sine), choice.systemCandidates());

        Path sf3 = sf3Disguised(sine, "pretty.sf2");
        assertThrows(SoundbankException.class, () -> choice.choose(sf3));
        assertTrue(choice.remembered().isEmpty(), "a rejected file is not remembered");

        Path own = dir.resolve("mine.sf2");
        Files.copy(sine, own);
        choice.choose(own);
        Files.delete(own);
        assertEquals(Optional.of(gm), choice.resolve().file(), "the GM default link is preferred");
    }
}

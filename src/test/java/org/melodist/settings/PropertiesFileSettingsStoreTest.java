package org.melodist.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesFileSettingsStoreTest {

    @TempDir
    Path userData;

    @Test
    void theUserStoreIsOneFileThatAnotherProcessReads() {
        PropertiesFileSettingsStore studio = PropertiesFileSettingsStore.forUser(userData);
        studio.put("sound.soundbank", "/banks/a.sf2");
        Map<String, String> batch = new LinkedHashMap<>();
        batch.put("window.width", "1111");
        batch.put("sound.soundbank", null);
        batch.put("grid", "1/8");
        studio.putAll(batch);

        assertEquals(userData.resolve(PropertiesFileSettingsStore.USER_FILE), studio.file());
        PropertiesFileSettingsStore cli = PropertiesFileSettingsStore.forUser(userData);
        assertEquals(Optional.of("1111"), cli.get("window.width"));
        assertEquals(Optional.of("1/8"), cli.get("grid"));
        assertEquals(Optional.empty(), cli.get("sound.soundbank"), "a null in a batch removes the key");
    }

    @Test
    void settingsFromTheEarlierPerFeatureFilesAreKept() throws Exception {
        Files.writeString(userData.resolve("studio.properties"), "window.width=900\nrecent.0=/songs/a.mid\n");
        Files.writeString(userData.resolve("sound.properties"), "sound.soundbank=/banks/old.sf2\n");

        PropertiesFileSettingsStore store = PropertiesFileSettingsStore.forUser(userData);
        assertEquals(Optional.of("900"), store.get("window.width"));
        assertEquals(Optional.of("/banks/old.sf2"), store.get("sound.soundbank"));
        assertFalse(Files.exists(store.file()), "reading writes nothing");

        store.put("grid", "1/16");
        Files.writeString(userData.resolve("sound.properties"), "sound.soundbank=/banks/ignored-now.sf2\n");
        PropertiesFileSettingsStore again = PropertiesFileSettingsStore.forUser(userData);
        assertEquals(Optional.of("/banks/old.sf2"), again.get("sound.soundbank"), "the first write carried it over");
        assertEquals(Optional.of("/songs/a.mid"), again.get("recent.0"));
        assertEquals(Optional.of("1/16"), again.get("grid"));
    }

    @Test
    void anUnreadableFileIsIgnoredAndThenReplaced() throws Exception {
        Path file = userData.resolve(PropertiesFileSettingsStore.USER_FILE);
        Files.write(file, new byte[] {'a', '=', '\\', 'u', '1'});
        PropertiesFileSettingsStore store = PropertiesFileSettingsStore.forUser(userData);
        assertTrue(store.get("a").isEmpty());
        store.put("b", "2");
        assertEquals(Optional.of("2"), new PropertiesFileSettingsStore(file).get("b"));
    }
}

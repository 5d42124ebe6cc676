package org.melodist.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.melodist.AppPaths;
import org.melodist.AtomicFiles;

/**
 * Settings in one properties file, rewritten atomically on each change. {@link #forUser} is the store
 * the studio and the command line share, so that a choice made in one (the soundbank) holds in the other.
 */
public final class PropertiesFileSettingsStore implements SettingsStore {

    /** The per-user settings file's name in the user data folder. */
    public static final String USER_FILE = "settings.properties";
    /**
     * Where the studio kept its settings before there was one store (its preferences, its soundbank
     * choice); read once while {@link #USER_FILE} does not exist yet, so nobody loses a setting.
     */
    static final List<String> EARLIER_FILES = List.of("studio.properties", "sound.properties");

    private static final System.Logger LOG = System.getLogger(PropertiesFileSettingsStore.class.getName());
    private final Path file;
    private final Properties values = new Properties();

    public PropertiesFileSettingsStore(Path file) {
        this.file = file;
        load(file);
    }

    /** The user's settings: {@value #USER_FILE} in {@link AppPaths#userDataDir()}. */
    public static PropertiesFileSettingsStore forUser() {
        return forUser(AppPaths.userDataDir());
    }

    /** The settings in {@code userDataDir}; the earlier per-feature files fill in while it has none. */
    public static PropertiesFileSettingsStore forUser(Path userDataDir) {
        Path file = userDataDir.resolve(USER_FILE);
        PropertiesFileSettingsStore store = new PropertiesFileSettingsStore(file);
        if (!Files.exists(file)) {
            for (String earlier : EARLIER_FILES) store.load(userDataDir.resolve(earlier));
        }
        return store;
    }

    public Path file() {
        return file;
    }

    private void load(Path from) {
        if (!Files.isRegularFile(from)) return;
        try (InputStream in = Files.newInputStream(from)) {
            values.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable settings file " + from + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    @Override
    public synchronized void remove(String key) {
        values.remove(key);
        save();
    }

    @Override
    public synchronized void putAll(Map<String, String> changes) {
        changes.forEach((k, v) -> {
            if (v == null) values.remove(k); else values.setProperty(k, v);
        });
        save();
    }

    private void save() {
        try {
            AtomicFiles.replace(file, tmp -> {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    values.store(out, "Melodist settings");
                }
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not save settings to " + file + ": " + e.getMessage());
        }
    }
}

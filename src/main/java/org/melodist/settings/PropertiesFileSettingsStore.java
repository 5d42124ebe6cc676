package org.melodist.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.melodist.AtomicFiles;

/** Settings in one properties file, rewritten atomically on each change (portable installs, tests). */
public final class PropertiesFileSettingsStore implements SettingsStore {

    private static final System.Logger LOG = System.getLogger(PropertiesFileSettingsStore.class.getName());
    private final Path file;
    private final Properties values = new Properties();

    public PropertiesFileSettingsStore(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable settings file " + file + ": " + e.getMessage());
            }
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

package org.melodist.studio.prefs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.melodist.AtomicFiles;

/**
 * The studio's remembered settings (window size, last folder, grid, recent files...) in one properties
 * file under the user data folder. A plain file rather than java.util.prefs so that tests and portable
 * installs can point it anywhere; written atomically so a crash never leaves it half written.
 */
public final class StudioPreferences {

    private static final Logger LOG = System.getLogger(StudioPreferences.class.getName());
    public static final int MAX_RECENT = 8;

    private final Path file;
    private final Properties values = new Properties();

    public StudioPreferences(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Ignoring unreadable preferences " + file + ": " + e.getMessage());
            }
        }
    }

    public Path file() {
        return file;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = values.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public void put(String key, String value) {
        if (value == null) values.remove(key); else values.setProperty(key, value);
    }

    public void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }

    public void putBoolean(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    /** Recent files, newest first, keeping only those that still exist. */
    public List<Path> recentFiles() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = values.getProperty("recent." + i);
            if (p == null) continue;
            try {
                Path path = Path.of(p);
                if (Files.isRegularFile(path)) recent.add(path);
            } catch (IllegalArgumentException ignored) {
                // a path from another system: forget it
            }
        }
        return recent;
    }

    public void addRecentFile(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> recent = new ArrayList<>(recentFiles());
        recent.remove(abs);
        recent.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            put("recent." + i, i < recent.size() ? recent.get(i).toString() : null);
        }
    }

    /** Writes the settings (temp file then move); a failure is logged, never fatal. */
    public void save() {
        try {
            AtomicFiles.replace(file, tmp -> {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    values.store(out, "Melodist studio settings");
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save preferences to " + file + ": " + e.getMessage());
        }
    }
}

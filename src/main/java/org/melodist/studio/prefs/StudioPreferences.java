package org.melodist.studio.prefs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.melodist.settings.PropertiesFileSettingsStore;
import org.melodist.settings.SettingsStore;

/**
 * The studio's remembered settings (window size, last folder, grid, recent files...) with typed access,
 * kept in the user's one {@link SettingsStore} beside the soundbank choice that the command line reads
 * too. Changes collect until {@link #save()}, which writes them in one go.
 */
public final class StudioPreferences {

    public static final int MAX_RECENT = 8;

    private final SettingsStore store;
    /** Changes not saved yet; a null value removes the key. */
    private final Map<String, String> pending = new LinkedHashMap<>();

    public StudioPreferences(SettingsStore store) {
        this.store = store;
    }

    /** Preferences in a file of their own (tests, portable setups). */
    public StudioPreferences(Path file) {
        this(new PropertiesFileSettingsStore(file));
    }

    /** The store underneath, for services that keep their own keys there (the soundbank choice). */
    public SettingsStore store() {
        return store;
    }

    public synchronized Optional<String> get(String key) {
        return pending.containsKey(key) ? Optional.ofNullable(pending.get(key)) : store.get(key);
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(get(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** Sets (or with null, removes) a value; it is written at the next {@link #save()}. */
    public synchronized void put(String key, String value) {
        pending.put(key, value);
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
            Optional<String> p = get("recent." + i);
            if (p.isEmpty()) continue;
            try {
                Path path = Path.of(p.get());
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

    /** Writes the changes since the last save (atomically, in one write); a failure is logged, never fatal. */
    public synchronized void save() {
        if (pending.isEmpty()) return;
        store.putAll(new LinkedHashMap<>(pending));
        pending.clear();
    }
}

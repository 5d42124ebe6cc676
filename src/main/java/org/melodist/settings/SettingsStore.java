package org.melodist.settings;

import java.util.Map;
import java.util.Optional;

/**
 * A small key-value store for user choices that outlive the process (the chosen soundbank, recent
 * files, window size...). Services depend on this interface so that the studio, the CLI and tests can
 * each pick where the values live; the application itself uses one per-user store,
 * {@link PropertiesFileSettingsStore#forUser}.
 */
public interface SettingsStore {

    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}; failures to persist are reported, not thrown. */
    void put(String key, String value);

    void remove(String key);

    /**
     * Stores several values at once (a null value removes its key): one write for a batch such as the
     * window's geometry at close.
     */
    default void putAll(Map<String, String> values) {
        values.forEach((k, v) -> {
            if (v == null) remove(k); else put(k, v);
        });
    }
}

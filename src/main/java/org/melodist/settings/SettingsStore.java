package org.melodist.settings;

import java.util.Optional;

/**
 * A small key-value store for user choices that outlive the process (the chosen soundbank, recent
 * files...). Services depend on this interface so that the studio, the CLI and tests can each pick
 * where the values live.
 */
public interface SettingsStore {

    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}; failures to persist are reported, not thrown. */
    void put(String key, String value);

    void remove(String key);
}

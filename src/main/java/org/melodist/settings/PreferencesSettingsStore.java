package org.melodist.settings;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Settings in the user's {@link Preferences} tree (on Linux, under {@code ~/.java/.userPrefs}). */
public final class PreferencesSettingsStore implements SettingsStore {

    private static final System.Logger LOG = System.getLogger(PreferencesSettingsStore.class.getName());
    private final Preferences node;

    /** The store the application uses: the {@code /org/melodist} user node. */
    public PreferencesSettingsStore() {
        this(Preferences.userRoot().node("org/melodist"));
    }

    public PreferencesSettingsStore(Preferences node) {
        this.node = node;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(node.get(key, null));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String value) {
        node.put(key, value);
        flush();
    }

    @Override
    public void remove(String key) {
        node.remove(key);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // the value still holds for this session; losing it across restarts is not worth failing for
            LOG.log(System.Logger.Level.WARNING, "could not save settings: " + e.getMessage());
        }
    }
}

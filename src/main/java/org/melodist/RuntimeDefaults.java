package org.melodist;

/**
 * Process-wide settings that must be in place before any library reads them: DJL stays offline (its
 * libtorch comes from the bundled native jars, never from the network) and sends no telemetry.
 */
public final class RuntimeDefaults {

    private RuntimeDefaults() {
    }

    public static void configureDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

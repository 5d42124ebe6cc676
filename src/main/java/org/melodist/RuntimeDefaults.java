package org.melodist;

/**
 * Process-wide settings that must be in place before any library reads them: DJL stays offline (its
 * libtorch comes from the bundled native jars, never from the network) and sends no telemetry.
 */
public final class RuntimeDefaults {

    /**
     * JavaFX warns at every start that it was loaded from the class path rather than as modules ("Unsupported
     * JavaFX configuration"), which is how this jar runs by design; held here because java.util.logging keeps its
     * loggers only weakly.
     */
    private static final java.util.logging.Logger JAVAFX = java.util.logging.Logger.getLogger("javafx");

    private RuntimeDefaults() {
    }

    public static void configureDefaults() {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // Melodist only ships the CPU engine; DJL's GPU probe warns twice per process on machines whose
        // NVIDIA driver is older than the CUDA it asks about, which reads as an error to a musician.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        // one libtorch compute thread: the melody model's small batches gain little from a second one, and
        // OpenMP threads that spin-wait for a busy core made steps up to 4x slower while the UI, audio or
        // other work used the CPU (measured on 2 cores). Override with -Dai.djl.pytorch.num_threads=N.
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

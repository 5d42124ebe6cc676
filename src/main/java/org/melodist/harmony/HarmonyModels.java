package org.melodist.harmony;

import java.io.IOException;
import java.nio.file.Path;
import org.melodist.AppPaths;

/** Where the shipped harmony model lives, and the error when it is not there. */
public final class HarmonyModels {

    public static final String SHIPPED_NAME = "harmony";

    private HarmonyModels() {
    }

    /** {@code explicit} if given, else the shipped model folder; a clear one-line error when neither exists. */
    public static Path resolve(Path explicit) throws IOException {
        if (explicit != null) {
            return explicit;
        }
        return AppPaths.model(SHIPPED_NAME).orElseThrow(() -> new IOException(
                "the harmony model '" + SHIPPED_NAME + "' was not found (" + AppPaths.modelsSearchDescription()
                        + "); pass --model DIR or train one with 'melodist train-harmony'"));
    }
}

package org.melodist.generate;

import java.io.IOException;
import java.nio.file.Path;
import org.melodist.AppPaths;

/** Where the shipped melody model lives, and the error when it is not there. */
public final class MelodyModels {

    public static final String SHIPPED_NAME = "melody-lstm";

    private MelodyModels() {
    }

    /** {@code explicit} if given, else the shipped model folder; a clear one-line error when neither exists. */
    public static Path resolve(Path explicit) throws IOException {
        if (explicit != null) {
            return explicit;
        }
        return AppPaths.model(SHIPPED_NAME).orElseThrow(() -> new IOException(
                "the melody model '" + SHIPPED_NAME + "' was not found (" + AppPaths.modelsSearchDescription()
                        + "); pass --model DIR or train one with 'melodist train'"));
    }
}

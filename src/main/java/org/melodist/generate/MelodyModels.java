package org.melodist.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.melodist.AppPaths;

/** Where the shipped melody model lives, and the error when it is not there. */
public final class MelodyModels {

    public static final String SHIPPED_NAME = "melody-lstm";

    private MelodyModels() {
    }

    /**
     * Where the shipped model is, or would be: its folder under the models folder that was found, else under
     * {@code models/} in the working directory. For messages such as "not found in ..." and for lazy loading.
     */
    public static Path shippedLocation() {
        return AppPaths.model(SHIPPED_NAME)
                .orElseGet(() -> AppPaths.modelsDir().orElse(Path.of("models")).resolve(SHIPPED_NAME))
                .toAbsolutePath().normalize();
    }

    /** True when {@code dir} holds a melody model's config (the parameters are checked on loading). */
    public static boolean isModelDir(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(MelodyModel.CONFIG_FILE));
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

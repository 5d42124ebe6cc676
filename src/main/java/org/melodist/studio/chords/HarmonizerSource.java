package org.melodist.studio.chords;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.melodist.AppPaths;
import org.melodist.harmony.HarmonyModel;
import org.melodist.harmony.HarmonyModels;
import org.melodist.harmony.Harmonizer;
import org.melodist.harmony.NeuralHarmonizer;

/**
 * The studio's harmony model, loaded on first use (off the FX thread: it starts the native engine) and kept
 * for the session. Whether a model is there at all is a cheap file check, so Harmonise can say at once,
 * in one line, why it cannot run.
 */
public final class HarmonizerSource implements AutoCloseable {

    private final Path dir;
    private volatile HarmonyModel model;
    private volatile Harmonizer harmonizer;
    private boolean closed;

    private HarmonizerSource(Path dir) {
        this.dir = dir;
    }

    /** The shipped model ({@code models/harmony}); {@link #problem()} says so when it is not there. */
    public static HarmonizerSource shipped() {
        return new HarmonizerSource(AppPaths.model(HarmonyModels.SHIPPED_NAME).orElse(null));
    }

    /** The model in {@code dir}, loaded when first needed and closed with this source. */
    public static HarmonizerSource at(Path dir) {
        return new HarmonizerSource(dir.toAbsolutePath().normalize());
    }

    /** Why Harmonise cannot run, as one line; empty when a model folder is there (or loaded). */
    public Optional<String> problem() {
        if (harmonizer != null) return Optional.empty();
        if (dir == null) {
            return Optional.of("Harmony model not found (" + AppPaths.modelsSearchDescription()
                    + "); train one with 'melodist train-harmony'");
        }
        if (!Files.isRegularFile(dir.resolve(HarmonyModel.CONFIG_FILE))) {
            return Optional.of("Harmony model not found in " + dir + " (no " + HarmonyModel.CONFIG_FILE + ")");
        }
        return Optional.empty();
    }

    public boolean isLoaded() {
        return harmonizer != null;
    }

    /** The harmoniser, loading the model the first time; blocks while loading, so never on the FX thread. */
    public synchronized Harmonizer get() throws IOException {
        if (closed) throw new IOException("the harmony model has been closed");
        if (harmonizer == null) {
            Optional<String> missing = problem();
            if (missing.isPresent()) throw new IOException(missing.get());
            model = HarmonyModel.load(dir);
            harmonizer = new NeuralHarmonizer(model);
        }
        return harmonizer;
    }

    @Override
    public synchronized void close() {
        closed = true;
        harmonizer = null;
        if (model != null) model.close();
        model = null;
    }
}

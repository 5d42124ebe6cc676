package org.melodist.studio.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.melodist.generate.MelodyGenerator;
import org.melodist.generate.MelodyModels;

/**
 * The studio's melody generator, loaded on first use and then kept for the session. Loading reads the
 * weights and starts the native engine, so {@link #get()} is called off the FX thread; whether a model is
 * there at all is a cheap file check, so the panel can disable Generate with the reason from the start.
 */
public final class MelodyGeneratorSource implements AutoCloseable {

    private final Path dir;
    /** Volatile so that the FX thread can ask whether it is loaded while another thread loads it. */
    private volatile MelodyGenerator generator;
    private final boolean owned;
    private boolean closed;

    private MelodyGeneratorSource(Path dir, MelodyGenerator generator, boolean owned) {
        this.dir = dir;
        this.generator = generator;
        this.owned = owned;
    }

    /** The model shipped with the app ({@code models/melody-lstm}), loaded when first needed. */
    public static MelodyGeneratorSource shipped() {
        return at(MelodyModels.shippedLocation());
    }

    /** The model in {@code dir}, loaded when first needed and closed with this source. */
    public static MelodyGeneratorSource at(Path dir) {
        return new MelodyGeneratorSource(dir.toAbsolutePath().normalize(), null, true);
    }

    /** A generator someone else loaded (and closes). */
    public static MelodyGeneratorSource of(MelodyGenerator loaded, Path dir) {
        return new MelodyGeneratorSource(dir, loaded, false);
    }

    public Path dir() {
        return dir;
    }

    /** Why nothing can be generated, as one line; empty when a model is there (or already loaded). */
    public Optional<String> problem() {
        if (generator != null || MelodyModels.isModelDir(dir)) return Optional.empty();
        return Optional.of("Melody model not found in " + dir);
    }

    public boolean isLoaded() {
        return generator != null;
    }

    /** The generator, loading the model the first time; blocks while loading, so not on the FX thread. */
    public synchronized MelodyGenerator get() throws IOException {
        if (closed) throw new IOException("the melody generator has been closed");
        if (generator == null) {
            Optional<String> missing = problem();
            if (missing.isPresent()) throw new IOException(missing.get());
            generator = MelodyGenerator.load(dir);
        }
        return generator;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (generator != null && owned) generator.close();
        generator = null;
    }
}

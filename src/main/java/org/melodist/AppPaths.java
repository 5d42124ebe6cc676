package org.melodist;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the app finds what it ships (models) and where it keeps what a user makes (preferences,
 * autosave, caches). The install folder is treated as read-only: an installed app must work for a user
 * who cannot write there, so everything written goes under the user's home.
 */
public final class AppPaths {

    /** System property that points at a models folder, for tests and unusual installs. */
    public static final String MODELS_PROPERTY = "melodist.models";
    /** System property that relocates all user data (preferences, autosave, caches). */
    public static final String USER_DATA_PROPERTY = "melodist.userData";

    private AppPaths() {
    }

    /**
     * The shipped models folder: {@code -Dmelodist.models}, else {@code models/} beside the running jar
     * (installed app), its parent's (a build in {@code target/}), or the working directory (IDE, Maven).
     */
    public static Optional<Path> modelsDir() {
        for (Path candidate : modelCandidates()) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** One shipped model's folder, e.g. {@code model("melody-lstm")}, if it exists. */
    public static Optional<Path> model(String name) {
        return modelsDir().map(d -> d.resolve(name)).filter(Files::isDirectory);
    }

    /** A one-line explanation of where models were looked for, for error messages. */
    public static String modelsSearchDescription() {
        return "looked in " + modelCandidates();
    }

    static List<Path> modelCandidates() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty(MODELS_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        codeLocation().ifPresent(jarDir -> {
            candidates.add(jarDir.resolve("models"));
            if (jarDir.getParent() != null) {
                candidates.add(jarDir.getParent().resolve("models"));
            }
        });
        candidates.add(Path.of("models"));
        return candidates;
    }

    /** The folder of the jar (or classes folder) this class was loaded from. */
    static Optional<Path> codeLocation() {
        try {
            var source = AppPaths.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The user's data folder ({@code $XDG_DATA_HOME/melodist} or {@code ~/.local/share/melodist}), or
     * {@code -Dmelodist.userData}. Not created here; writers create what they need.
     */
    public static Path userDataDir() {
        String prop = System.getProperty(USER_DATA_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("melodist");
    }
}

package org.melodist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared training and evaluation data (the {@code shared/} folder that sits beside
 * a checkout, never inside it). Looked up in order: system property {@code melodist.shared}, environment
 * variable {@code MELODIST_SHARED}, then {@code ../shared} and {@code ../../shared} from the working
 * directory. A candidate counts only if it holds a {@code data/} folder.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder (containing {@code data/}), if one is present. */
    public static Optional<Path> dir() {
        String[] candidates = {System.getProperty("melodist.shared"), System.getenv("MELODIST_SHARED"),
                "../shared", "../../shared"};
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                Path p = Path.of(c).toAbsolutePath().normalize();
                if (Files.isDirectory(p.resolve("data"))) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** A data set under {@code shared/data}, e.g. {@code data("nottingham/melody")}, if present. */
    public static Optional<Path> data(String relative) {
        return dir().map(d -> d.resolve("data").resolve(relative)).filter(Files::exists);
    }

    /** Why a test that needs {@code relative} is skipped, for the assumption message. */
    public static String missingReason(String relative) {
        return "skipped: shared data '" + relative + "' not found (looked in -Dmelodist.shared, $MELODIST_SHARED, "
                + "../shared, ../../shared)";
    }
}

package org.melodist.studio.shell;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the shipped demo tune (assets/demo/demo-jig.mid) beside the install or the project. */
final class DemoSong {

    static final String RELATIVE = "assets/demo/demo-jig.mid";

    private DemoSong() {
    }

    static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        try {
            var source = DemoSong.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                Path dir = Files.isDirectory(p) ? p : p.getParent();
                for (Path d = dir; d != null && candidates.size() < 3; d = d.getParent()) {
                    candidates.add(d.resolve(RELATIVE));
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException ignored) {
            // fall back to the working directory
        }
        candidates.add(Path.of(RELATIVE));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }
}

package org.melodist.studio.shell;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a panel asks for a song file to be opened in Compose (the analysis tab, given a .mid). Without a
 * window the file is simply opened; the window routes the request through "save your changes?" and
 * shows the Compose tab.
 */
public final class OpenRequests {

    private Consumer<Path> handler;

    OpenRequests(Consumer<Path> withoutWindow) {
        handler = Objects.requireNonNull(withoutWindow);
    }

    public void open(Path file) {
        handler.accept(file);
    }

    /** Called by the window, which knows how to ask about unsaved changes. */
    public void handleWith(Consumer<Path> windowHandler) {
        handler = Objects.requireNonNull(windowHandler);
    }
}

package org.melodist.studio.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFormatException;
import org.melodist.midi.MidiFileWriter;
import org.melodist.song.Song;

/**
 * The crash-recovery copy of the open song: written (atomically, by {@link MidiFileWriter}) after edits,
 * removed on a clean save or exit, so that a recovery file found at start-up means work was lost.
 * The file the song belonged to travels inside it as a song property.
 */
public final class RecoveryStore {

    /** Song property naming the file the recovered work belongs to. */
    public static final String ORIGIN_PROPERTY = "studio.recoveredFrom";

    public record Recovered(Song song, Path origin, FileTime savedAt) {
    }

    private final Path file;
    private final MidiFileWriter writer = new MidiFileWriter();

    public RecoveryStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void write(Song song, Path origin) throws IOException {
        Song tagged = song.withProperty(ORIGIN_PROPERTY, origin == null ? null : origin.toAbsolutePath().toString());
        writer.write(tagged, file);
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The recovered song, or empty when there is none; a damaged recovery file is reported, not hidden. */
    public Optional<Recovered> read() throws MidiFormatException, IOException {
        if (!exists()) return Optional.empty();
        Song song = new MidiFileReader().read(file);
        String origin = song.properties().get(ORIGIN_PROPERTY);
        Song clean = song.withProperty(ORIGIN_PROPERTY, null);
        Path originPath = null;
        if (origin != null && !origin.isBlank()) {
            try {
                originPath = Path.of(origin);
            } catch (IllegalArgumentException ignored) {
                // recorded on another system: recover as untitled
            }
        }
        return Optional.of(new Recovered(clean, originPath, Files.getLastModifiedTime(file)));
    }

    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale recovery file only means one extra question at the next start
        }
    }
}

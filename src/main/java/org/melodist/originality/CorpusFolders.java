package org.melodist.originality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFormatException;
import org.melodist.song.Song;

/**
 * Reads folders of MIDI files (and their subfolders) into melodies for an index. A file that cannot be read,
 * or that has no melody of at least two notes, is skipped and counted, never fatal.
 */
public final class CorpusFolders {

    /** The melodies read with the file of each, and one line per skipped file ("name: reason"). */
    public record Loaded(List<Melody> melodies, List<Path> paths, List<String> skipped, int files) {
        public Loaded {
            melodies = List.copyOf(melodies);
            paths = List.copyOf(paths);
            skipped = List.copyOf(skipped);
        }
    }

    /** Told after each file. */
    @FunctionalInterface
    public interface Progress {
        void fileDone(int done, int total);

        Progress NONE = (d, t) -> { };
    }

    private CorpusFolders() {
    }

    /** The {@code .mid}/{@code .midi} files under {@code dir}, sorted; an IOException when it is not a folder. */
    public static List<Path> midiFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (n.endsWith(".mid") || n.endsWith(".midi"));
            }).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads every MIDI file under each folder whose name relative to its folder (with '/') {@code include}
     * accepts; that relative name becomes the melody's name.
     */
    public static Loaded read(List<Path> dirs, Predicate<String> include, Progress progress) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path f : midiFiles(dir)) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (include.test(name)) {
                    files.add(f);
                    names.add(name);
                }
            }
        }
        MidiFileReader reader = new MidiFileReader();
        List<Melody> melodies = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = names.get(i);
            try {
                Song song = reader.read(files.get(i));
                Optional<Melody> m = Melody.of(name, song, null);
                if (m.isEmpty() || m.get().size() < 2) {
                    skipped.add(name + ": no melody of at least two notes");
                } else {
                    melodies.add(m.get());
                    paths.add(files.get(i));
                }
            } catch (MidiFormatException e) {
                skipped.add(org.melodist.ErrorMessages.oneLine(e)); // the reader's message starts with the file name
            } catch (RuntimeException e) {
                skipped.add(name + ": " + org.melodist.ErrorMessages.oneLine(e));
            }
            progress.fileDone(i + 1, files.size());
        }
        return new Loaded(melodies, paths, skipped, files.size());
    }
}

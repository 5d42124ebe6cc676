package org.melodist.originality;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.melodist.AtomicFiles;
import org.melodist.ErrorMessages;
import org.melodist.midi.MidiFileReader;
import org.melodist.midi.MidiFormatException;

/**
 * The musician's own folders, indexed incrementally and kept between runs: a cache file remembers each MIDI
 * file's size, modification time and melody (or why it was skipped), so an update reads only files that are
 * new or changed and forgets files that are gone. A damaged cache is ignored and rebuilt.
 */
public final class FolderIndex {

    private static final int MAGIC = 0x4D4F4649; // "MOFI"
    private static final int VERSION = 1;
    private static final System.Logger LOG = System.getLogger(FolderIndex.class.getName());

    /** One remembered file: its melody, or the reason it was skipped (melody null). */
    private record Entry(long size, long modified, Melody melody, String skipped) {
    }

    /** What an update did, and the melodies of all indexed folders afterwards. */
    public record Update(List<Melody> melodies, int files, int read, int reused, List<String> skipped) {
        public Update {
            melodies = List.copyOf(melodies);
            skipped = List.copyOf(skipped);
        }
    }

    private final Path cacheFile;

    public FolderIndex(Path cacheFile) {
        this.cacheFile = cacheFile;
    }

    /**
     * Brings the index up to date with {@code folders}: reads new and changed files, drops vanished ones,
     * saves the cache (atomically) and returns every melody, named by its absolute path. A folder that no
     * longer exists contributes nothing. Stops with the cache unchanged when {@code cancelled} answers true.
     */
    public Update update(List<Path> folders, CorpusFolders.Progress progress, BooleanSupplier cancelled) throws IOException {
        Map<String, Entry> old = load();
        List<Path> files = new ArrayList<>();
        for (Path dir : folders) {
            if (Files.isDirectory(dir)) {
                files.addAll(CorpusFolders.midiFiles(dir));
            }
        }
        Map<String, Entry> now = new LinkedHashMap<>();
        MidiFileReader reader = new MidiFileReader();
        int read = 0;
        int reused = 0;
        for (int i = 0; i < files.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("folder indexing cancelled");
            }
            Path f = files.get(i).toAbsolutePath().normalize();
            String key = f.toString();
            long size;
            long modified;
            try {
                size = Files.size(f);
                modified = Files.getLastModifiedTime(f).toMillis();
            } catch (NoSuchFileException e) {
                continue;
            }
            Entry e = old.get(key);
            if (e != null && e.size() == size && e.modified() == modified) {
                reused++;
            } else {
                read++;
                try {
                    Melody m = Melody.of(key, reader.read(f), null).orElse(null);
                    e = m != null && m.size() >= 2 ? new Entry(size, modified, m, null)
                            : new Entry(size, modified, null, f.getFileName() + ": no melody of at least two notes");
                } catch (MidiFormatException | RuntimeException ex) {
                    e = new Entry(size, modified, null, ErrorMessages.oneLine(ex));
                }
            }
            now.put(key, e);
            progress.fileDone(i + 1, files.size());
        }
        save(now);
        List<Melody> melodies = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Entry e : now.values()) {
            if (e.melody() != null) {
                melodies.add(e.melody());
            } else {
                skipped.add(e.skipped());
            }
        }
        return new Update(melodies, now.size(), read, reused, skipped);
    }

    private Map<String, Entry> load() {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(cacheFile)) {
            return out;
        }
        try (InputStream is = Files.newInputStream(cacheFile);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a folder index");
            }
            int count = in.readInt();
            for (int k = 0; k < count; k++) {
                String key = in.readUTF();
                long size = in.readLong();
                long modified = in.readLong();
                boolean hasMelody = in.readBoolean();
                if (hasMelody) {
                    int n = in.readInt();
                    if (n < 0 || n > 10_000_000) {
                        throw new IOException("damaged entry");
                    }
                    int[] p = new int[n];
                    int[] o = new int[n];
                    int[] d = new int[n];
                    for (int i = 0; i < n; i++) {
                        p[i] = in.readUnsignedByte();
                        o[i] = in.readInt();
                        d[i] = in.readInt();
                    }
                    out.put(key, new Entry(size, modified, new Melody(key, p, o, d), null));
                } else {
                    out.put(key, new Entry(size, modified, null, in.readUTF()));
                }
            }
        } catch (EOFException | ZipException e) {
            LOG.log(System.Logger.Level.WARNING, cacheFile + ": damaged folder index, rebuilding it");
            out.clear();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, cacheFile + ": unreadable folder index (" + ErrorMessages.oneLine(e) + "), rebuilding it");
            out.clear();
        }
        return out;
    }

    private void save(Map<String, Entry> entries) throws IOException {
        AtomicFiles.replace(cacheFile, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(entries.size());
                for (Map.Entry<String, Entry> me : entries.entrySet()) {
                    Entry e = me.getValue();
                    out.writeUTF(me.getKey());
                    out.writeLong(e.size());
                    out.writeLong(e.modified());
                    out.writeBoolean(e.melody() != null);
                    if (e.melody() != null) {
                        Melody m = e.melody();
                        out.writeInt(m.size());
                        for (int i = 0; i < m.size(); i++) {
                            out.writeByte(m.pitch(i));
                            out.writeInt(m.onset(i));
                            out.writeInt(m.duration(i));
                        }
                    } else {
                        out.writeUTF(e.skipped());
                    }
                }
            }
        });
    }
}

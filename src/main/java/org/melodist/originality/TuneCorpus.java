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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.melodist.AtomicFiles;

/**
 * Many melodies in flat arrays (one entry per note, tunes one after another), compact enough for 100,000
 * tunes: pitch (1 byte), onset (4), duration (2, capped at 68 beats) and token (2) per note. Token {@code k}
 * of the flat array is the token of note {@code k} (see {@link MelodyTokens}); a tune's first note has none.
 * Saved as a small gzip file ({@link #write}, {@link #read}).
 */
public final class TuneCorpus {

    private static final int MAGIC = 0x4D4F5249; // "MORI"
    private static final int VERSION = 1;
    private static final int NO_TOKEN = -1;

    private final String[] names;
    private final int[] starts;
    private final byte[] pitches;
    private final int[] onsets;
    private final char[] durations;
    private final short[] tokens;

    private TuneCorpus(String[] names, int[] starts, byte[] pitches, int[] onsets, char[] durations) {
        this.names = names;
        this.starts = starts;
        this.pitches = pitches;
        this.onsets = onsets;
        this.durations = durations;
        this.tokens = new short[pitches.length];
        int[] p = new int[0];
        int[] o = new int[0];
        int[] d = new int[0];
        for (int t = 0; t < names.length; t++) {
            int from = starts[t];
            int to = starts[t + 1];
            int n = to - from;
            if (p.length < n) {
                p = new int[n];
                o = new int[n];
                d = new int[n];
            }
            for (int i = 0; i < n; i++) {
                p[i] = pitches[from + i];
                o[i] = onsets[from + i];
                d[i] = durations[from + i];
            }
            short[] tk = MelodyTokens.tokens(p, o, d, 0, n);
            if (n > 0) {
                tokens[from] = NO_TOKEN;
            }
            System.arraycopy(tk, 0, tokens, from + 1, tk.length);
        }
    }

    /** Collects melodies into a corpus. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private int[] starts = new int[64];
        private byte[] pitches = new byte[1024];
        private int[] onsets = new int[1024];
        private char[] durations = new char[1024];
        private int notes;

        public Builder add(Melody m) {
            int n = m.size();
            ensure(notes + n);
            for (int i = 0; i < n; i++) {
                pitches[notes + i] = (byte) m.pitch(i);
                onsets[notes + i] = m.onset(i);
                durations[notes + i] = (char) Math.min(Character.MAX_VALUE, Math.max(1, m.duration(i)));
            }
            if (names.size() + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            names.add(m.name());
            notes += n;
            starts[names.size()] = notes;
            return this;
        }

        private void ensure(int capacity) {
            if (capacity > pitches.length) {
                int c = Math.max(capacity, pitches.length * 2);
                pitches = Arrays.copyOf(pitches, c);
                onsets = Arrays.copyOf(onsets, c);
                durations = Arrays.copyOf(durations, c);
            }
        }

        public int size() {
            return names.size();
        }

        public TuneCorpus build() {
            return new TuneCorpus(names.toArray(String[]::new), Arrays.copyOf(starts, names.size() + 1),
                    Arrays.copyOf(pitches, notes), Arrays.copyOf(onsets, notes), Arrays.copyOf(durations, notes));
        }
    }

    public static TuneCorpus of(List<Melody> melodies) {
        Builder b = new Builder();
        melodies.forEach(b::add);
        return b.build();
    }

    public int size() {
        return names.length;
    }

    public int totalNotes() {
        return pitches.length;
    }

    public String name(int tune) {
        return names[tune];
    }

    public int noteCount(int tune) {
        return starts[tune + 1] - starts[tune];
    }

    /** Index of the tune's first note in the flat arrays. */
    int start(int tune) {
        return starts[tune];
    }

    int pitchAt(int flatNote) {
        return pitches[flatNote];
    }

    int onsetAt(int flatNote) {
        return onsets[flatNote];
    }

    /** The flat token array (shared, not copied: package use only). */
    short[] tokens() {
        return tokens;
    }

    /** One tune as a {@link Melody}. */
    public Melody melody(int tune) {
        int from = starts[tune];
        int n = noteCount(tune);
        int[] p = new int[n];
        int[] o = new int[n];
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = pitches[from + i];
            o[i] = onsets[from + i];
            d[i] = durations[from + i];
        }
        return new Melody(names[tune], p, o, d);
    }

    /** Approximate heap taken by the arrays, in bytes. */
    public long memoryBytes() {
        long b = (long) pitches.length * (1 + 4 + 2 + 2) + starts.length * 4L;
        for (String n : names) {
            b += 56 + 2L * n.length();
        }
        return b;
    }

    /** Saves the corpus atomically (gzip; names and notes; tokens are derived again on reading). */
    public void write(Path file) throws IOException {
        AtomicFiles.replace(file, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(names.length);
                for (int t = 0; t < names.length; t++) {
                    out.writeUTF(names[t]);
                    out.writeInt(noteCount(t));
                }
                for (int k = 0; k < pitches.length; k++) {
                    out.writeByte(pitches[k]);
                    out.writeInt(onsets[k]);
                    out.writeChar(durations[k]);
                }
            }
        });
    }

    /** Reads what {@link #write} saved; a damaged or foreign file gives an IOException naming it. */
    public static TuneCorpus read(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not an originality index");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + ": index version " + version + " is not supported (expected " + VERSION + ")");
            }
            int count = in.readInt();
            if (count < 0 || count > 10_000_000) {
                throw new IOException(file + ": damaged index (tune count " + count + ")");
            }
            String[] names = new String[count];
            int[] starts = new int[count + 1];
            for (int t = 0; t < count; t++) {
                names[t] = in.readUTF();
                int n = in.readInt();
                if (n < 0 || (long) starts[t] + n > Integer.MAX_VALUE - 8) {
                    throw new IOException(file + ": damaged index (note count " + n + ")");
                }
                starts[t + 1] = starts[t] + n;
            }
            int total = starts[count];
            byte[] p = new byte[total];
            int[] o = new int[total];
            char[] d = new char[total];
            for (int k = 0; k < total; k++) {
                p[k] = in.readByte();
                o[k] = in.readInt();
                d[k] = in.readChar();
                if (p[k] < 0) {
                    throw new IOException(file + ": damaged index (pitch " + p[k] + ")");
                }
            }
            return new TuneCorpus(names, starts, p, o, d);
        } catch (EOFException e) {
            throw new IOException(file + ": the index file is truncated", e);
        } catch (ZipException e) {
            throw new IOException(file + ": not an originality index (" + e.getMessage() + ")", e);
        }
    }
}

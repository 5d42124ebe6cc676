package org.melodist.midi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.melodist.AtomicFiles;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

/**
 * Writes a {@link Song} as a type-1 Standard MIDI File: a conductor track (tempo map, metre, key and the
 * app's settings) followed by one track per {@link Track} with its name, program change and notes.
 * Files are written to a temporary sibling and moved into place, so a failed save never leaves half a file.
 */
public final class MidiFileWriter {

    /** Events at one tick are ordered: meta first, then note-offs, then note-ons, then the offs of zero-length notes. */
    private record Event(long tick, int order, byte[] bytes) {
    }

    private static final int ORDER_META = 0;
    private static final int ORDER_PROGRAM = 1;
    private static final int ORDER_OFF = 2;
    private static final int ORDER_ON = 3;
    private static final int ORDER_LATE_OFF = 4;

    /** A marker meta event (type 6) in the conductor track, such as a chord symbol or a section name. */
    public record Marker(long tick, String text) {
        public Marker {
            if (tick < 0) {
                throw new IllegalArgumentException("marker tick " + tick + " is negative");
            }
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    public void write(Song song, Path file) throws IOException {
        write(song, List.of(), file);
    }

    /** Writes the song with {@code markers} in its conductor track. */
    public void write(Song song, List<Marker> markers, Path file) throws IOException {
        byte[] bytes = toBytes(song, markers);
        AtomicFiles.replace(file, tmp -> Files.write(tmp, bytes));
    }

    public byte[] toBytes(Song song) {
        return toBytes(song, List.of());
    }

    public byte[] toBytes(Song song, List<Marker> markers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("MThd".getBytes(StandardCharsets.ISO_8859_1));
        writeU32(out, 6);
        writeU16(out, 1);
        writeU16(out, song.tracks().size() + 1);
        writeU16(out, song.ppq());
        List<Event> conductor = conductor(song);
        for (Marker m : markers) {
            conductor.add(meta(m.tick(), 0x06, m.text().getBytes(StandardCharsets.UTF_8)));
        }
        writeChunk(out, conductor);
        for (Track t : song.tracks()) {
            writeChunk(out, part(t));
        }
        return out.toByteArray();
    }

    private static List<Event> conductor(Song song) {
        List<Event> events = new ArrayList<>();
        for (TempoChange c : song.tempoMap().changes()) {
            int us = c.microsPerQuarter();
            events.add(meta(c.tick(), 0x51, new byte[] {(byte) (us >> 16), (byte) (us >> 8), (byte) us}));
        }
        TimeSignature ts = song.timeSignature();
        events.add(meta(0, 0x58, new byte[] {(byte) ts.numerator(),
                (byte) Integer.numberOfTrailingZeros(ts.denominator()), 24, 8}));
        Key key = song.key();
        if (key != null) {
            events.add(meta(0, 0x59, new byte[] {(byte) key.sharpsFlats(), (byte) (key.mode() == Key.Mode.MINOR ? 1 : 0)}));
        }
        for (Map.Entry<String, String> p : song.properties().entrySet()) {
            events.add(meta(0, MelodistMeta.SEQUENCER_SPECIFIC, MelodistMeta.encode(p.getKey(), p.getValue())));
        }
        return events;
    }

    private static List<Event> part(Track track) {
        List<Event> events = new ArrayList<>();
        events.add(meta(0, 0x03, track.name().getBytes(StandardCharsets.UTF_8)));
        int ch = track.channel();
        events.add(new Event(0, ORDER_PROGRAM, new byte[] {(byte) (0xC0 | ch), (byte) track.program()}));
        for (Note n : track.notes()) {
            events.add(new Event(n.start(), ORDER_ON, new byte[] {(byte) (0x90 | ch), (byte) n.pitch(), (byte) n.velocity()}));
            events.add(new Event(n.end(), n.duration() == 0 ? ORDER_LATE_OFF : ORDER_OFF,
                    new byte[] {(byte) (0x80 | ch), (byte) n.pitch(), 0x40}));
        }
        return events;
    }

    private static Event meta(long tick, int type, byte[] data) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        e.write(0xFF);
        e.write(type);
        writeVarLen(e, data.length);
        e.writeBytes(data);
        return new Event(tick, ORDER_META, e.toByteArray());
    }

    private static void writeChunk(ByteArrayOutputStream out, List<Event> events) {
        // a stable sort keeps the notes' own order within one tick and kind, so FIFO pairing on read
        // gives back the same notes
        events.sort(Comparator.comparingLong(Event::tick).thenComparingInt(Event::order));
        ByteArrayOutputStream track = new ByteArrayOutputStream();
        long last = 0;
        for (Event e : events) {
            writeVarLen(track, e.tick() - last);
            track.writeBytes(e.bytes());
            last = e.tick();
        }
        writeVarLen(track, 0);
        track.writeBytes(new byte[] {(byte) 0xFF, 0x2F, 0});
        out.writeBytes("MTrk".getBytes(StandardCharsets.ISO_8859_1));
        writeU32(out, track.size());
        out.writeBytes(track.toByteArray());
    }

    private static void writeVarLen(ByteArrayOutputStream out, long value) {
        if (value < 0 || value > 0x0FFFFFFF) {
            throw new IllegalArgumentException("delta time " + value + " does not fit a MIDI file");
        }
        int shift = 21;
        while (shift > 0 && (value >> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write((int) (0x80 | (value >> shift) & 0x7F));
        }
        out.write((int) (value & 0x7F));
    }

    private static void writeU16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    private static void writeU32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >> 24));
        out.write((int) (v >> 16));
        out.write((int) (v >> 8));
        out.write((int) v);
    }
}

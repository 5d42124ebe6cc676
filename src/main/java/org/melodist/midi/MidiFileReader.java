package org.melodist.midi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.TempoMap;
import org.melodist.song.TimeSignature;
import org.melodist.song.Track;

/**
 * Reads Standard MIDI Files (type 0 and 1) into a {@link Song}. Written by hand rather than through
 * {@code javax.sound.midi} so that every malformed byte ends in a {@link MidiFormatException} with one
 * line of explanation, and so that sizes are checked against the file before anything is allocated.
 *
 * <p>Notes are paired first-in first-out per channel and pitch (a note-off ends the oldest sounding note
 * of that pitch, as most sequencers do); a note-on with velocity 0 is a note-off; notes still sounding at
 * the end of a track end there. A track holding several channels becomes one {@link Track} per channel.
 */
public final class MidiFileReader {

    /** Larger files are refused before reading: no real song comes near it. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final int MAX_TRACKS = 1024;
    private static final int MAX_EVENTS = 4_000_000;

    /**
     * A song and what the reader noticed on the way that the user should know (e.g. that the file declares no
     * tracks), one plain sentence each; empty for an ordinary file.
     */
    public record Reading(Song song, List<String> notes) {
        public Reading {
            notes = List.copyOf(notes);
        }
    }

    public Song read(Path file) throws MidiFormatException {
        return readWithNotes(file).song();
    }

    public Song read(byte[] bytes) throws MidiFormatException {
        return readWithNotes(bytes).song();
    }

    /** As {@link #read(Path)}, with the notes the reader has for the user. */
    public Reading readWithNotes(Path file) throws MidiFormatException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new MidiFormatException(file.getFileName() + ": " + size + " bytes is too large for a MIDI file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MidiFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new MidiFormatException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            return readWithNotes(bytes);
        } catch (MidiFormatException e) {
            throw new MidiFormatException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #read(byte[])}, with the notes the reader has for the user. */
    public Reading readWithNotes(byte[] bytes) throws MidiFormatException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new MidiFormatException("too large for a MIDI file");
        }
        try {
            Parse parse = new Parse(bytes);
            Song song = parse.song();
            return new Reading(song, parse.notes);
        } catch (IllegalArgumentException e) {
            // a value the song model refuses (e.g. a zero tempo) is a file error too
            throw new MidiFormatException("invalid content: " + e.getMessage(), e);
        }
    }

    /** The state of one parse: a cursor over the bytes and what was collected so far. */
    private static final class Parse {
        private final byte[] b;
        private int pos;
        private int format;
        private int ppq;
        private boolean smpte;
        private final TreeMap<Long, TempoChange> tempos = new TreeMap<>();
        private TimeSignature timeSignature;
        private Key key;
        private final Map<String, String> properties = new TreeMap<>();
        private final List<Track> tracks = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private int events;

        Parse(byte[] bytes) {
            this.b = bytes;
        }

        Song song() throws MidiFormatException {
            if (b.length < 14) {
                throw new MidiFormatException("not a MIDI file (too short for a header)");
            }
            if (!chunkId(0).equals("MThd")) {
                throw new MidiFormatException("not a MIDI file (no MThd header)");
            }
            pos = 4;
            long headerLength = u32();
            if (headerLength < 6 || headerLength > b.length - 8) {
                throw new MidiFormatException("bad header length " + headerLength);
            }
            format = u16();
            int declaredTracks = u16();
            int division = u16();
            pos = 8 + (int) headerLength;
            if (format == 2) {
                throw new MidiFormatException("type 2 MIDI files (independent patterns) are not supported");
            }
            if (format > 2) {
                throw new MidiFormatException("unknown MIDI file type " + format);
            }
            if (declaredTracks > MAX_TRACKS) {
                throw new MidiFormatException("declares " + declaredTracks + " tracks, more than " + MAX_TRACKS);
            }
            if ((division & 0x8000) != 0) {
                // SMPTE timing: ticks per second = frames per second x ticks per frame; expressed
                // here as PPQ at a fixed 120 BPM, where one quarter lasts half a second
                int fps = -(byte) (division >> 8);
                int ticksPerFrame = division & 0xFF;
                int fpsRounded = fps == 29 ? 30 : fps;
                if (fpsRounded != 24 && fpsRounded != 25 && fpsRounded != 30 || ticksPerFrame == 0) {
                    throw new MidiFormatException("bad SMPTE time division " + fps + " fps x " + ticksPerFrame);
                }
                smpte = true;
                ppq = Math.max(1, fpsRounded * ticksPerFrame / 2);
            } else {
                ppq = division;
                if (ppq == 0) {
                    throw new MidiFormatException("time division is zero ticks per quarter note");
                }
            }
            int trackIndex = 0;
            while (pos + 8 <= b.length && trackIndex < declaredTracks) {
                String id = chunkId(pos);
                pos += 4;
                long length = u32();
                if (length > b.length - pos) {
                    // a truncated last chunk is read as far as it goes; sequencers write such files
                    length = b.length - pos;
                }
                int end = pos + (int) length;
                if (id.equals("MTrk")) {
                    readTrack(end, trackIndex++);
                }
                pos = end;
            }
            if (declaredTracks == 0) {
                // other readers open such a file as an empty song; say why it is empty
                notes.add("the file declares no tracks, so the song is empty");
            } else if (trackIndex == 0) {
                throw new MidiFormatException("no track chunk");
            }
            if (smpte) {
                tempos.clear();
            }
            TempoMap tempoMap = tempos.isEmpty() ? TempoMap.constant(TempoMap.DEFAULT_BPM)
                    : TempoMap.of(tempos.values());
            return new Song(ppq, tempoMap, timeSignature == null ? TimeSignature.FOUR_FOUR : timeSignature,
                    key, tracks, properties);
        }

        private void readTrack(int end, int trackIndex) throws MidiFormatException {
            long tick = 0;
            int running = -1;
            String name = null;
            // per channel: program in force and the notes heard, in channel order of first appearance
            Map<Integer, Integer> programs = new HashMap<>();
            Map<Integer, List<Note>> notesByChannel = new LinkedHashMap<>();
            Map<Integer, Deque<long[]>> open = new HashMap<>(); // key channel*128+pitch -> {start, velocity}
            boolean ended = false;
            while (pos < end && !ended) {
                if (++events > MAX_EVENTS) {
                    throw new MidiFormatException("more than " + MAX_EVENTS + " events");
                }
                tick += varLen(end);
                if (tick > Integer.MAX_VALUE * 16L) {
                    throw new MidiFormatException("event time beyond any song length");
                }
                int status = u8(end);
                if (status < 0x80) {
                    if (running < 0) {
                        throw new MidiFormatException("data byte without a status byte at offset " + (pos - 1));
                    }
                    pos--; // running status: the byte read was the first data byte
                    status = running;
                }
                if (status == 0xFF) {
                    int type = u8(end);
                    int length = varLen(end);
                    byte[] data = bytes(length, end);
                    switch (type) {
                        case 0x2F -> ended = true;
                        case 0x03 -> {
                            if (name == null) name = new String(data, StandardCharsets.UTF_8).trim();
                        }
                        case 0x51 -> {
                            if (length < 3) throw new MidiFormatException("short tempo event");
                            int micros = (data[0] & 0xFF) << 16 | (data[1] & 0xFF) << 8 | data[2] & 0xFF;
                            if (micros == 0) throw new MidiFormatException("tempo of zero microseconds per quarter");
                            tempos.put(tick, TempoChange.fromMicrosPerQuarter(tick, micros));
                        }
                        case 0x58 -> {
                            if (length < 2) throw new MidiFormatException("short time signature event");
                            if (timeSignature == null) {
                                if (data[1] > 6 || data[1] < 0) {
                                    throw new MidiFormatException("time signature denominator 2^" + data[1]);
                                }
                                timeSignature = new TimeSignature(Math.max(1, data[0] & 0xFF), 1 << data[1]);
                            }
                        }
                        case 0x59 -> {
                            if (length < 2) throw new MidiFormatException("short key signature event");
                            if (key == null) {
                                if (data[0] < -7 || data[0] > 7) {
                                    throw new MidiFormatException("key signature with " + data[0] + " sharps");
                                }
                                key = Key.fromMidi(data[0], data[1] != 0);
                            }
                        }
                        case MelodistMeta.SEQUENCER_SPECIFIC ->
                                MelodistMeta.decode(data).ifPresent(kv -> properties.put(kv[0], kv[1]));
                        default -> {
                            // other meta events (text, lyrics, markers, SMPTE offset...) carry nothing we model
                        }
                    }
                    // the standard says meta and sysex events cancel running status, but files from old
                    // sequencers go on with data bytes after them, and other readers take those with the last
                    // channel status: keep it (a data byte with no channel status before it is still refused)
                } else if (status == 0xF0 || status == 0xF7) {
                    bytes(varLen(end), end);
                } else if (status >= 0xF1) {
                    throw new MidiFormatException(String.format("system message 0x%02X inside a track", status));
                } else {
                    running = status;
                    int kind = status & 0xF0;
                    int channel = status & 0x0F;
                    int d1 = data(end);
                    int d2 = (kind == 0xC0 || kind == 0xD0) ? 0 : data(end);
                    if (kind == 0x90 && d2 > 0) {
                        open.computeIfAbsent(channel * 128 + d1, k -> new ArrayDeque<>()).addLast(new long[] {tick, d2});
                        notesByChannel.computeIfAbsent(channel, k -> new ArrayList<>());
                    } else if (kind == 0x80 || kind == 0x90) {
                        Deque<long[]> sounding = open.get(channel * 128 + d1);
                        if (sounding != null && !sounding.isEmpty()) {
                            long[] on = sounding.removeFirst();
                            notesByChannel.get(channel).add(new Note(d1, (int) on[1], on[0], tick - on[0]));
                        }
                    } else if (kind == 0xC0) {
                        programs.putIfAbsent(channel, d1);
                    }
                }
            }
            for (Map.Entry<Integer, Deque<long[]>> e : open.entrySet()) {
                int channel = e.getKey() / 128;
                int pitch = e.getKey() % 128;
                for (long[] on : e.getValue()) {
                    notesByChannel.get(channel).add(new Note(pitch, (int) on[1], on[0], tick - on[0]));
                }
            }
            boolean conductor = format == 1 && trackIndex == 0;
            String trackName = name == null || name.isEmpty() ? "Track " + (trackIndex + 1) : name;
            if (notesByChannel.isEmpty()) {
                // keep named empty parts (a round trip of an empty track), but not the conductor track
                if (!conductor && name != null && format == 1) {
                    int channel = programs.isEmpty() ? 0 : programs.keySet().iterator().next();
                    tracks.add(new Track(trackName, channel, programs.getOrDefault(channel, 0), List.of()));
                }
                return;
            }
            boolean split = notesByChannel.size() > 1;
            for (Map.Entry<Integer, List<Note>> e : notesByChannel.entrySet()) {
                int channel = e.getKey();
                String n = split ? trackName + " (ch " + (channel + 1) + ")" : trackName;
                tracks.add(new Track(n, channel, programs.getOrDefault(channel, 0), e.getValue()));
            }
        }

        private String chunkId(int at) {
            return new String(b, at, 4, StandardCharsets.ISO_8859_1);
        }

        private int u8(int end) throws MidiFormatException {
            if (pos >= end) {
                throw new MidiFormatException("track data ends in the middle of an event");
            }
            return b[pos++] & 0xFF;
        }

        private int data(int end) throws MidiFormatException {
            int v = u8(end);
            if (v > 0x7F) {
                throw new MidiFormatException(String.format("status byte 0x%02X where a data byte was expected at offset %d", v, pos - 1));
            }
            return v;
        }

        private int u16() {
            int v = (b[pos] & 0xFF) << 8 | b[pos + 1] & 0xFF;
            pos += 2;
            return v;
        }

        private long u32() {
            long v = (long) (b[pos] & 0xFF) << 24 | (b[pos + 1] & 0xFF) << 16 | (b[pos + 2] & 0xFF) << 8 | b[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }

        private int varLen(int end) throws MidiFormatException {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int c = u8(end);
                value = value << 7 | c & 0x7F;
                if ((c & 0x80) == 0) {
                    return value;
                }
            }
            throw new MidiFormatException("variable-length number longer than 4 bytes at offset " + pos);
        }

        private byte[] bytes(int length, int end) throws MidiFormatException {
            if (length > end - pos) {
                throw new MidiFormatException("event of " + length + " bytes runs past the end of its track");
            }
            byte[] out = new byte[length];
            System.arraycopy(b, pos, out, 0, length);
            pos += length;
            return out;
        }
    }
}

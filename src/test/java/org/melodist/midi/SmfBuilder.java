package org.melodist.midi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds raw Standard MIDI File bytes by hand, so tests can state exactly what a file contains. */
final class SmfBuilder {

    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private ByteArrayOutputStream track;

    SmfBuilder(int format, int tracks, int division) {
        file.writeBytes("MThd".getBytes(StandardCharsets.ISO_8859_1));
        u32(file, 6);
        u16(file, format);
        u16(file, tracks);
        u16(file, division);
    }

    SmfBuilder track() {
        track = new ByteArrayOutputStream();
        return this;
    }

    /** A delta time followed by raw event bytes (status may be omitted for running status). */
    SmfBuilder event(int delta, int... bytes) {
        varLen(track, delta);
        for (int b : bytes) track.write(b);
        return this;
    }

    SmfBuilder meta(int delta, int type, byte[] data) {
        varLen(track, delta);
        track.write(0xFF);
        track.write(type);
        varLen(track, data.length);
        track.writeBytes(data);
        return this;
    }

    SmfBuilder name(String name) {
        return meta(0, 0x03, name.getBytes(StandardCharsets.UTF_8));
    }

    SmfBuilder endTrack() {
        meta(0, 0x2F, new byte[0]);
        file.writeBytes("MTrk".getBytes(StandardCharsets.ISO_8859_1));
        u32(file, track.size());
        file.writeBytes(track.toByteArray());
        return this;
    }

    byte[] bytes() {
        return file.toByteArray();
    }

    private static void varLen(ByteArrayOutputStream out, int value) {
        int buffer = value & 0x7F;
        while ((value >>= 7) > 0) {
            buffer <<= 8;
            buffer |= (value & 0x7F) | 0x80;
        }
        while (true) {
            out.write(buffer & 0xFF);
            if ((buffer & 0x80) != 0) buffer >>>= 8; else break;
        }
    }

    private static void u16(ByteArrayOutputStream o, int v) {
        o.write(v >> 8);
        o.write(v);
    }

    private static void u32(ByteArrayOutputStream o, long v) {
        o.write((int) (v >> 24));
        o.write((int) (v >> 16));
        o.write((int) (v >> 8));
        o.write((int) v);
    }
}

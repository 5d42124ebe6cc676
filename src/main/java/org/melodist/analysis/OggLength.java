package org.melodist.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The length of an Ogg Vorbis file in sample frames, as players show it before playing: an Ogg file declares no
 * length up front, but every page carries the granule position (for Vorbis, the sample count) reached at its end,
 * so the last whole page of the stream gives the length. Only a page whose checksum holds counts, and only when it
 * belongs to the same logical stream as the first page (a chained file's later streams restart their count).
 *
 * @param frames sample frames up to the end of the last whole page, or -1 when they cannot be told
 * @param ended  whether that page closes the stream (its end-of-stream flag); a file cut short lacks that page
 */
record OggLength(long frames, boolean ended) {

    static final OggLength UNKNOWN = new OggLength(-1, false);

    /** An Ogg page is at most 27 header bytes, 255 lacing values and 255 * 255 data bytes. */
    static final int MAX_PAGE = 27 + 255 + 255 * 255;
    private static final int[] CRC = crcTable();

    /** The granule position of the last whole page of {@code file}'s first stream. */
    static OggLength of(Path file) {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(27);
            ch.read(head);
            if (head.position() < 27 || !capture(head.array(), 0)) {
                return UNKNOWN;
            }
            int serial = ByteBuffer.wrap(head.array()).order(ByteOrder.LITTLE_ENDIAN).getInt(14);
            int tailLength = (int) Math.min(size, 2L * MAX_PAGE);
            ByteBuffer tail = ByteBuffer.allocate(tailLength);
            ch.position(size - tailLength);
            while (tail.hasRemaining() && ch.read(tail) > 0) {
                // fill the buffer
            }
            return lastGranule(tail.array(), tail.position(), serial);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** The granule of the last whole, intact page of stream {@code serial} in {@code b[0, length)}. */
    static OggLength lastGranule(byte[] b, int length, int serial) {
        ByteBuffer le = ByteBuffer.wrap(b, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = length - 27; p >= 0; p--) {
            if (!capture(b, p)) {
                continue;
            }
            int pageLength = pageLength(b, p, length);
            if (pageLength < 0 || !intact(b, p, pageLength)) {
                continue;
            }
            long granule = le.getLong(p + 6);
            if (le.getInt(p + 14) != serial) {
                // another logical stream ends the file: its count says nothing about the first one's length
                return UNKNOWN;
            }
            if (granule >= 0) {
                return new OggLength(granule, (b[p + 5] & 0x04) != 0);
            }
            // -1: no packet ends on this page; an earlier page holds the count
        }
        return UNKNOWN;
    }

    private static boolean capture(byte[] b, int p) {
        return b[p] == 'O' && b[p + 1] == 'g' && b[p + 2] == 'g' && b[p + 3] == 'S' && b[p + 4] == 0;
    }

    /** The whole page's length, or -1 when its segment table or data run past {@code length}. */
    static int pageLength(byte[] b, int p, int length) {
        int segments = b[p + 26] & 0xFF;
        if (p + 27 + segments > length) {
            return -1;
        }
        int n = 27 + segments;
        for (int s = 0; s < segments; s++) {
            n += b[p + 27 + s] & 0xFF;
        }
        return p + n <= length ? n : -1;
    }

    private static boolean intact(byte[] b, int p, int n) {
        int stored = (b[p + 22] & 0xFF) | (b[p + 23] & 0xFF) << 8 | (b[p + 24] & 0xFF) << 16 | (b[p + 25] & 0xFF) << 24;
        return checksum(b, p, n) == stored;
    }

    /** The CRC-32 of the {@code n}-byte page at {@code p} as Ogg defines it: polynomial 0x04C11DB7, unreflected, over
     * the page with its own CRC field read as zeros. */
    static int checksum(byte[] b, int p, int n) {
        int crc = 0;
        for (int i = 0; i < n; i++) {
            int v = i >= 22 && i < 26 ? 0 : b[p + i] & 0xFF;
            crc = (crc << 8) ^ CRC[((crc >>> 24) ^ v) & 0xFF];
        }
        return crc;
    }

    private static int[] crcTable() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }
            t[i] = r;
        }
        return t;
    }
}

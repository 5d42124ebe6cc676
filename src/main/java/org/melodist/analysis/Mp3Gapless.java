package org.melodist.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the music lies in a decoded MP3, as gapless players find it. An MP3 decoder's output starts with
 * silence the source never had: the encoder's delay (576 samples for LAME), the decoder's own delay (529
 * samples of MDCT overlap), and, for a file with a Xing/Info header, that header frame decoded as a frame of
 * silence; it ends with the encoder's padding up to a whole frame. LAME writes the delay and padding into its
 * tag after the Xing/Info header, and the Xing header gives the number of audio frames, so the exact length of
 * the source is known.
 *
 * <p>Without such a header only the decoder delay is known, and only that is removed (as mpg123 and ffmpeg do).
 *
 * @param skip  decoded sample frames to drop at the start
 * @param keep  sample frames of music after them, or -1 when unknown (keep everything)
 */
record Mp3Gapless(long skip, long keep) {

    /** The MDCT overlap of a Layer III decoder (JLayer's included): 528 + 1 samples. */
    static final int DECODER_DELAY = 529;
    private static final Mp3Gapless DECODER_DELAY_ONLY = new Mp3Gapless(DECODER_DELAY, -1);

    /** Reads the headers of {@code file}; a file without usable ones gives the decoder delay alone. */
    static Mp3Gapless of(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(10);
            int skip = 0;
            if (head.length == 10 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
                // ID3v2: a synch-safe size after a 10-byte header, plus a 10-byte footer when flagged
                skip = ((head[6] & 0x7F) << 21) | ((head[7] & 0x7F) << 14) | ((head[8] & 0x7F) << 7) | (head[9] & 0x7F);
                skip += (head[5] & 0x10) != 0 ? 10 : 0;
                in.skipNBytes(skip);
                head = in.readNBytes(4096);
            } else {
                byte[] rest = in.readNBytes(4086);
                byte[] all = new byte[head.length + rest.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(rest, 0, all, head.length, rest.length);
                head = all;
            }
        } catch (IOException | RuntimeException e) {
            return DECODER_DELAY_ONLY;
        }
        return parse(head);
    }

    /** Reads the first frame found in {@code b} (the bytes after any ID3v2 tag). */
    static Mp3Gapless parse(byte[] b) {
        int p = 0;
        // the first frame: a sync word with a valid Layer III header (some files have a few junk bytes first)
        while (p + 4 <= b.length && !isLayer3Header(b, p)) {
            p++;
        }
        if (p + 4 > b.length) {
            return DECODER_DELAY_ONLY;
        }
        boolean mpeg1 = ((b[p + 1] >> 3) & 3) == 3;
        boolean mono = ((b[p + 3] >> 6) & 3) == 3;
        boolean crc = (b[p + 1] & 1) == 0;
        int samplesPerFrame = mpeg1 ? 1152 : 576;
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int x = p + 4 + (crc ? 2 : 0) + sideInfo;
        if (x + 8 > b.length || !(tag(b, x, "Xing") || tag(b, x, "Info"))) {
            return DECODER_DELAY_ONLY;
        }
        int flags = u32(b, x + 4);
        int q = x + 8;
        long frames = -1;
        if ((flags & 1) != 0) {
            frames = u32(b, q) & 0xFFFF_FFFFL;
            q += 4;
        }
        q += (flags & 2) != 0 ? 4 : 0;
        q += (flags & 4) != 0 ? 100 : 0;
        q += (flags & 8) != 0 ? 4 : 0;
        // the header frame itself decodes to a frame of silence
        long skip = samplesPerFrame + DECODER_DELAY;
        if (frames <= 0) {
            return new Mp3Gapless(skip, -1);
        }
        long total = frames * samplesPerFrame;
        // LAME tag: 9 bytes of encoder name, ..., then 12 bits of delay and 12 of padding at offset 21
        if (q + 24 <= b.length && (tag(b, q, "LAME") || tag(b, q, "Lavf") || tag(b, q, "Lavc"))) {
            int delay = ((b[q + 21] & 0xFF) << 4) | ((b[q + 22] & 0xFF) >> 4);
            int padding = ((b[q + 22] & 0x0F) << 8) | (b[q + 23] & 0xFF);
            if (delay + padding < total) {
                return new Mp3Gapless(skip + delay, total - delay - padding);
            }
        }
        return new Mp3Gapless(skip, total);
    }

    private static boolean isLayer3Header(byte[] b, int p) {
        int b1 = b[p + 1] & 0xFF;
        int b2 = b[p + 2] & 0xFF;
        return (b[p] & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0
                && ((b1 >> 3) & 3) != 1 // version not reserved
                && ((b1 >> 1) & 3) == 1 // Layer III
                && (b2 >> 4) != 15 && (b2 >> 4) != 0 // a real bit rate index
                && ((b2 >> 2) & 3) != 3; // sample rate not reserved
    }

    private static boolean tag(byte[] b, int p, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }
}

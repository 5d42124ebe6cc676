package org.melodist.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

/**
 * FLAC through jFLAC's decoder directly rather than its javax.sound provider. The provider spins forever on
 * some corrupt frames (its read loop retries a frame that fails without consuming input, found by the decoder
 * fuzz test) and misreads streams whose only metadata block is STREAMINFO. Here a frame listener counts
 * consecutive bad frames and aborts the read after {@value #MAX_BAD_FRAMES}, which ends the retry loop.
 * Output is little-endian signed PCM at the stream's own depth; 8, 16 and 24 bits are supported.
 */
final class FlacPcmStream extends InputStream {

    private static final int MAX_BAD_FRAMES = 200;
    private static final int VORBIS_COMMENT = 4;
    private static final int PICTURE = 6;

    /** Thrown out of the decoder's retry loop (it only catches its own FrameDecodeException). */
    static final class CorruptFlacException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CorruptFlacException(String message) {
            super(message);
        }
    }

    private final InputStream file;
    private final FLACDecoder decoder;
    private final StreamInfo info;
    private ByteData pcm;
    private byte[] chunk = new byte[0];
    private int chunkLen;
    private int pos;
    private int badInARow;

    static boolean isFlac(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && h[0] == 'f' && h[1] == 'L' && h[2] == 'a' && h[3] == 'C';
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens the stream and reads its metadata; the caller closes the returned stream. */
    static AudioInputStream open(Path path) throws IOException {
        checkMetadata(path);
        FlacPcmStream s = new FlacPcmStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
        int bits = s.info.getBitsPerSample();
        int channels = s.info.getChannels();
        int bytes = (bits + 7) / 8;
        AudioFormat f = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, s.info.getSampleRate(), bytes * 8, channels,
                bytes * channels, s.info.getSampleRate(), false);
        long frames = s.info.getTotalSamples() > 0 ? s.info.getTotalSamples() : javax.sound.sampled.AudioSystem.NOT_SPECIFIED;
        return new AudioInputStream(s, f, frames);
    }

    /**
     * Refuses metadata whose lengths run past their block or the file. jFLAC allocates whatever a vorbis comment or
     * picture block declares: a damaged comment count asked it for 1.7 billion comments (found by the decoder fuzz
     * test), which ran the JVM out of memory.
     */
    static void checkMetadata(Path path) throws IOException {
        long size = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            in.skipNBytes(4);
            long pos = 4;
            boolean last = false;
            while (!last) {
                byte[] h = in.readNBytes(4);
                if (h.length < 4) {
                    throw new IOException("FLAC metadata cut short");
                }
                last = (h[0] & 0x80) != 0;
                int type = h[0] & 0x7F;
                int length = (h[1] & 0xFF) << 16 | (h[2] & 0xFF) << 8 | (h[3] & 0xFF);
                pos += 4 + length;
                if (pos > size) {
                    throw new IOException("a FLAC metadata block runs past the end of the file");
                }
                byte[] block = in.readNBytes(length);
                if ((type == VORBIS_COMMENT && !commentsFit(ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN)))
                        || (type == PICTURE && !pictureFits(ByteBuffer.wrap(block)))) {
                    throw new IOException("a FLAC metadata block declares more than it holds");
                }
            }
        }
    }

    /** A vendor string, a count, then that many length-prefixed strings (little-endian lengths). */
    private static boolean commentsFit(ByteBuffer b) {
        if (b.limit() < 8) {
            return false;
        }
        long p = 4 + Integer.toUnsignedLong(b.getInt(0)) + 4;
        if (p > b.limit()) {
            return false;
        }
        long count = Integer.toUnsignedLong(b.getInt((int) p - 4));
        for (long i = 0; i < count; i++) {
            if (p + 4 > b.limit()) {
                return false;
            }
            p += 4 + Integer.toUnsignedLong(b.getInt((int) p));
        }
        return p <= b.limit();
    }

    /** Type, MIME string, description, four sizes, then the data (big-endian lengths). */
    private static boolean pictureFits(ByteBuffer b) {
        long p = 4;
        for (int field = 0; field < 2; field++) {
            if (p + 4 > b.limit()) {
                return false;
            }
            p += 4 + Integer.toUnsignedLong(b.getInt((int) p));
        }
        p += 16;
        if (p + 4 > b.limit()) {
            return false;
        }
        return p + 4 + Integer.toUnsignedLong(b.getInt((int) p)) <= b.limit();
    }

    private FlacPcmStream(InputStream in) throws IOException {
        this.file = in;
        this.decoder = new FLACDecoder(in);
        decoder.addFrameListener(new FrameListener() {
            @Override
            public void processMetadata(Metadata metadata) {
                // not needed
            }

            @Override
            public void processFrame(Frame frame) {
                badInARow = 0;
            }

            @Override
            public void processError(String msg) {
                if (++badInARow > MAX_BAD_FRAMES) {
                    throw new CorruptFlacException("more than " + MAX_BAD_FRAMES + " corrupt FLAC frames in a row");
                }
            }
        });
        try {
            decoder.readMetadata();
        } catch (RuntimeException e) {
            throw new IOException("corrupt FLAC metadata (" + e.getClass().getSimpleName() + ")", e);
        }
        StreamInfo si = decoder.getStreamInfo();
        if (si == null) {
            throw new IOException("FLAC stream without STREAMINFO");
        }
        int bits = si.getBitsPerSample();
        if ((bits != 8 && bits != 16 && bits != 24) || si.getChannels() < 1 || si.getSampleRate() <= 0) {
            throw new IOException("unusable FLAC stream parameters (" + si.getChannels() + " channels, " + bits
                    + " bits, " + si.getSampleRate() + " Hz)");
        }
        this.info = si;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (pos >= chunkLen) {
            if (!nextFrame()) {
                return -1;
            }
        }
        int n = Math.min(len, chunkLen - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean nextFrame() throws IOException {
        Frame frame = decoder.readNextFrame();
        if (frame == null) {
            return false;
        }
        if (frame.header.bitsPerSample != info.getBitsPerSample() || frame.header.channels != info.getChannels()) {
            throw new IOException("FLAC frame format differs from the stream's");
        }
        pcm = decoder.decodeFrame(frame, pcm);
        chunk = pcm.getData();
        chunkLen = pcm.getLen();
        pos = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}

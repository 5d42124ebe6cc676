package org.melodist.analysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Test fixtures made on the fly: signals, files written with javax.sound, and a minimal FLAC writer. */
final class TestAudio {

    private TestAudio() {
    }

    /** A copy of {@code whole} holding only its first {@code numerator/denominator} bytes: a file cut short. */
    static Path cut(Path whole, Path cut, int numerator, int denominator) throws IOException {
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(cut, Arrays.copyOf(bytes, (int) ((long) bytes.length * numerator / denominator)));
    }

    static double[] sine(double hz, int rate, double seconds, double amplitude) {
        double[] x = new double[(int) Math.round(rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return x;
    }

    /** Integer samples of {@code bits} bits for each channel (the same signal, scaled per channel). */
    static int[][] quantise(double[] x, int channels, int bits) {
        int[][] q = new int[channels][x.length];
        double full = Math.pow(2, bits - 1);
        for (int c = 0; c < channels; c++) {
            double gain = 1.0 - 0.2 * c;
            for (int i = 0; i < x.length; i++) {
                q[c][i] = (int) Math.max(-full, Math.min(full - 1, Math.round(x[i] * gain * full)));
            }
        }
        return q;
    }

    /** Writes PCM through javax.sound (WAVE, AIFF or AU), signed or 8-bit unsigned, little or big endian. */
    static Path write(Path file, AudioFileFormat.Type type, int rate, int bits, boolean bigEndian, int[][] samples)
            throws IOException {
        int channels = samples.length;
        int bytes = bits / 8;
        boolean unsigned = bits == 8 && type == AudioFileFormat.Type.WAVE;
        AudioFormat format = new AudioFormat(unsigned ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED,
                rate, bits, channels, bytes * channels, rate, bigEndian);
        int frames = samples[0].length;
        byte[] data = new byte[frames * bytes * channels];
        int p = 0;
        for (int i = 0; i < frames; i++) {
            for (int[] channel : samples) {
                int v = unsigned ? channel[i] + 128 : channel[i];
                for (int b = 0; b < bytes; b++) {
                    int shift = bigEndian ? 8 * (bytes - 1 - b) : 8 * b;
                    data[p++] = (byte) (v >> shift);
                }
            }
        }
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format, frames)) {
            AudioSystem.write(in, type, file.toFile());
        }
        return file;
    }

    /** A 32-bit IEEE float WAV (format tag 3), written by hand: javax.sound reads these but does not write them. */
    static Path floatWav(Path file, int rate, double[] mono) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 4 * mono.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + 4 * mono.length).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 3).putShort((short) 1).putInt(rate)
                .putInt(rate * 4).putShort((short) 4).putShort((short) 32);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(4 * mono.length);
        for (double v : mono) {
            b.putFloat((float) v);
        }
        return Files.write(file, b.array());
    }

    /** An AU file in 8-bit mu-law, encoded by the JDK's own converter: a compressed path through javax.sound. */
    static Path muLawAu(Path file, int rate, double[] mono) throws IOException {
        int[][] q = quantise(mono, 1, 16);
        byte[] data = new byte[2 * mono.length];
        for (int i = 0; i < mono.length; i++) {
            data[2 * i] = (byte) (q[0][i] >> 8);
            data[2 * i + 1] = (byte) q[0][i];
        }
        AudioFormat pcm = new AudioFormat(rate, 16, 1, true, true);
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, rate, 8, 1, 1, rate, true);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), pcm, mono.length);
                AudioInputStream enc = AudioSystem.getAudioInputStream(ulaw, in)) {
            AudioSystem.write(enc, AudioFileFormat.Type.AU, file.toFile());
        }
        return file;
    }

    static Path wav16(Path file, int rate, double[] mono) throws IOException {
        return write(file, AudioFileFormat.Type.WAVE, rate, 16, false, quantise(mono, 1, 16));
    }

    /**
     * A valid FLAC stream with VERBATIM subframes (uncompressed, but legal FLAC that any decoder must read):
     * enough to exercise the FLAC path at 16 and 24 bits without an encoder.
     */
    static Path flac(Path file, int rate, int bits, int[][] samples) throws IOException {
        int channels = samples.length;
        int total = samples[0].length;
        int block = 4096;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'f', 'L', 'a', 'C'});
        BitWriter info = new BitWriter();
        info.bits(0, 1).bits(0, 7).bits(34, 24);
        info.bits(block, 16).bits(block, 16).bits(0, 24).bits(0, 24);
        info.bits(rate, 20).bits(channels - 1, 3).bits(bits - 1, 5).bits(total >>> 4, 32).bits(total & 0xF, 4);
        for (int i = 0; i < 16; i++) {
            info.bits(0, 8);
        }
        // a last PADDING block, as libFLAC writes one (jFLAC's SPI misreads a stream whose only block is STREAMINFO)
        info.bits(1, 1).bits(1, 7).bits(8, 24).bits(0, 32).bits(0, 32);
        out.write(info.toBytes());
        int frameNo = 0;
        for (int start = 0; start < total; start += block) {
            int n = Math.min(block, total - start);
            BitWriter f = new BitWriter();
            f.bits(0x3FFE, 14).bits(0, 1).bits(0, 1).bits(0b0111, 4).bits(0, 4).bits(channels - 1, 4)
                    .bits(bits == 16 ? 0b100 : 0b110, 3).bits(0, 1);
            utf8(f, frameNo++);
            f.bits(n - 1, 16);
            f.bits(crc8(f.toBytes()), 8);
            for (int[] ch : samples) {
                f.bits(0, 1).bits(0b000001, 6).bits(0, 1);
                for (int i = 0; i < n; i++) {
                    f.bits(ch[start + i] & ((1 << bits) - 1), bits);
                }
            }
            byte[] body = f.toBytes();
            out.write(body);
            int crc = crc16(body);
            out.write(crc >> 8);
            out.write(crc & 0xFF);
        }
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void utf8(BitWriter f, int v) {
        if (v < 0x80) {
            f.bits(v, 8);
        } else if (v < 0x800) {
            f.bits(0xC0 | (v >> 6), 8).bits(0x80 | (v & 0x3F), 8);
        } else {
            f.bits(0xE0 | (v >> 12), 8).bits(0x80 | ((v >> 6) & 0x3F), 8).bits(0x80 | (v & 0x3F), 8);
        }
    }

    private static int crc8(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    private static int crc16(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }

    /** MSB-first bit packer; {@link #toBytes} pads the last byte with zeros. */
    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long acc;
        private int count;

        BitWriter bits(long value, int n) {
            for (int i = n - 1; i >= 0; i--) {
                acc = (acc << 1) | ((value >>> i) & 1);
                if (++count == 8) {
                    bytes.write((int) acc);
                    acc = 0;
                    count = 0;
                }
            }
            return this;
        }

        byte[] toBytes() {
            byte[] b = bytes.toByteArray();
            if (count == 0) {
                return b;
            }
            byte[] r = java.util.Arrays.copyOf(b, b.length + 1);
            r[b.length] = (byte) (acc << (8 - count));
            return r;
        }
    }
}

package org.melodist.analysis;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/**
 * A deterministic stand-in for a song, for benchmarks and long-file tests: kick on every beat, noise hi-hat on
 * the off-beats, a bass line and a chord pad cycling C - G - Am - F, written as 16-bit stereo WAV straight to
 * disk block by block (a 10-minute file never sits in memory).
 */
public final class SyntheticMusic {

    private static final int[][] CHORDS = {{60, 64, 67}, {55, 59, 62}, {57, 60, 64}, {53, 57, 60}};

    private SyntheticMusic() {
    }

    /** Writes {@code seconds} of music at {@code rate} Hz and {@code bpm}; atomic (temp file, then move). */
    public static Path writeWav(Path file, double seconds, int rate, double bpm, long seed) throws IOException {
        long frames = Math.round(seconds * rate);
        long dataBytes = frames * 4;
        if (dataBytes > 0xFFFF_FFF0L) {
            throw new IllegalArgumentException("too long for a WAV file: " + seconds + " s");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "synthetic", ".wav.tmp");
        Random noise = new Random(seed);
        double beat = 60.0 / bpm;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            out.write(header(rate, dataBytes));
            byte[] block = new byte[4 * 4096];
            long i = 0;
            while (i < frames) {
                int n = (int) Math.min(4096, frames - i);
                for (int k = 0; k < n; k++, i++) {
                    double t = (double) i / rate;
                    double[] lr = sample(t, beat, noise);
                    int l = (int) Math.max(-32768, Math.min(32767, Math.round(lr[0] * 32767)));
                    int r = (int) Math.max(-32768, Math.min(32767, Math.round(lr[1] * 32767)));
                    block[4 * k] = (byte) l;
                    block[4 * k + 1] = (byte) (l >> 8);
                    block[4 * k + 2] = (byte) r;
                    block[4 * k + 3] = (byte) (r >> 8);
                }
                out.write(block, 0, 4 * n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double[] sample(double t, double beat, Random noise) {
        double inBeat = t % beat;
        int beatNo = (int) (t / beat);
        int[] chord = CHORDS[(beatNo / 4) % CHORDS.length];
        double kick = 0.5 * Math.exp(-inBeat * 25) * Math.sin(2 * Math.PI * (50 + 80 * Math.exp(-inBeat * 40)) * inBeat);
        double off = (t + beat / 2) % beat;
        double hat = 0.08 * Math.exp(-off * 60) * noise.nextGaussian();
        double bass = 0.15 * Math.exp(-inBeat * 3) * Math.sin(2 * Math.PI * hz(chord[0] - 24) * t);
        double pad = 0;
        for (int note : chord) {
            double f = hz(note);
            pad += 0.05 * (Math.sin(2 * Math.PI * f * t) + 0.4 * Math.sin(4 * Math.PI * f * t)
                    + 0.2 * Math.sin(6 * Math.PI * f * t));
        }
        double m = kick + bass;
        return new double[] {m + hat + 0.8 * pad, m + 0.6 * hat + pad};
    }

    private static double hz(int midi) {
        return 440.0 * Math.pow(2, (midi - 69) / 12.0);
    }

    private static byte[] header(int rate, long dataBytes) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate)
                .putInt(rate * 4).putShort((short) 4).putShort((short) 16);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        return b.array();
    }
}

package org.melodist.transcribe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.melodist.AtomicFiles;

/**
 * A deterministic stand-in for a singer or a wind player, for benchmarks and tests: each note a harmonic tone
 * (partials falling off as 1/k) with a short attack and release, optional vibrato, an overall tuning offset and
 * white noise. The score it sings is known exactly, which is what makes it useful.
 */
public final class SyntheticSinger {

    /** A note to sing: MIDI pitch (may be fractional), start and end in seconds. */
    public record SungNote(double pitch, double startSec, double endSec) {
    }

    /**
     * How to sing: tuning offset in cents, vibrato depth in cents (either way) and rate in Hz, the attack in
     * seconds, white-noise level in dBFS (or negative infinity for none).
     */
    public record Style(double tuningCents, double vibratoCents, double vibratoHz, double attackSec, double noiseDb) {
        public static final Style PLAIN = new Style(0, 0, 5.5, 0.02, Double.NEGATIVE_INFINITY);

        public Style withTuning(double cents) {
            return new Style(cents, vibratoCents, vibratoHz, attackSec, noiseDb);
        }

        public Style withVibrato(double cents, double hz) {
            return new Style(tuningCents, cents, hz, attackSec, noiseDb);
        }

        public Style withNoise(double db) {
            return new Style(tuningCents, vibratoCents, vibratoHz, attackSec, db);
        }

        public Style withAttack(double sec) {
            return new Style(tuningCents, vibratoCents, vibratoHz, sec, noiseDb);
        }
    }

    private static final double RELEASE_SEC = 0.03;
    private static final int PARTIALS = 8;
    private static final double AMPLITUDE = 0.3;

    private SyntheticSinger() {
    }

    /** Notes of {@code pitches} one after another, each {@code noteSec} long with {@code gapSec} between them. */
    public static List<SungNote> line(double startSec, double noteSec, double gapSec, double... pitches) {
        List<SungNote> notes = new ArrayList<>();
        double t = startSec;
        for (double p : pitches) {
            notes.add(new SungNote(p, t, t + noteSec));
            t += noteSec + gapSec;
        }
        return notes;
    }

    /** Mono samples in [-1, 1] lasting {@code seconds}. */
    public static float[] sing(List<SungNote> notes, Style style, int rate, double seconds, long seed) {
        float[] out = new float[(int) Math.round(seconds * rate)];
        for (SungNote n : notes) {
            int from = (int) Math.round(n.startSec() * rate);
            int to = Math.min(out.length, (int) Math.round((n.endSec() + RELEASE_SEC) * rate));
            double phase = 0;
            for (int i = from; i < to; i++) {
                double t = (i - from) / (double) rate;
                double cents = style.tuningCents() + style.vibratoCents() * Math.sin(2 * Math.PI * style.vibratoHz() * t);
                double hz = 440 * Math.pow(2, (n.pitch() - 69 + cents / 100) / 12);
                phase += 2 * Math.PI * hz / rate;
                double env = Math.min(1, t / Math.max(1e-4, style.attackSec()));
                double sinceEnd = (i - n.endSec() * rate) / rate;
                if (sinceEnd > 0) {
                    env *= Math.max(0, 1 - sinceEnd / RELEASE_SEC);
                }
                double v = 0;
                for (int k = 1; k <= PARTIALS && k * hz < rate / 2.0; k++) {
                    v += Math.sin(k * phase) / k;
                }
                out[i] += (float) (AMPLITUDE * env * v / 2);
            }
        }
        if (Double.isFinite(style.noiseDb())) {
            Random random = new Random(seed);
            double sigma = Math.pow(10, style.noiseDb() / 20);
            for (int i = 0; i < out.length; i++) {
                out[i] += (float) (sigma * random.nextGaussian());
            }
        }
        return out;
    }

    /** Writes mono samples as a 16-bit WAV file (atomically). */
    public static Path writeWav(Path file, float[] samples, int rate) throws IOException {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = (int) Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        return AtomicFiles.replace(file, tmp -> {
            try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples.length)) {
                AudioSystem.write(in, AudioFileFormat.Type.WAVE, tmp.toFile());
            }
        });
    }
}

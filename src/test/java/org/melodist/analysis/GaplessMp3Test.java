package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MP3 made by LAME from a known WAV (see test resources encoded/README.md) decodes to the WAV's length and
 * timing: the encoder delay and padding from the LAME tag, the Info frame and the decoder delay are cut, so
 * durations, beats and tempo match the source, as they do for the Ogg Vorbis encode of the same WAV.
 */
class GaplessMp3Test {

    @TempDir
    Path dir;

    @Test
    void lameMp3MatchesItsSourceWav() throws Exception {
        Path wav = SyntheticMusic.writeWav(dir.resolve("loop136.wav"), 6.0, 44_100, 136, 7);
        Path mp3 = resource("loop136.mp3");
        Path ogg = resource("loop136.ogg");
        AudioDecoder decoder = new AudioDecoder();
        DecodedAudio w = decoder.decode(wav);
        for (Path coded : List.of(mp3, ogg)) {
            DecodedAudio c = decoder.decode(coded);
            assertEquals(w.samples().length, c.samples().length, "sample count of " + coded.getFileName());
            assertEquals(0, bestLag(w.samples(), c.samples(), 200), "alignment of " + coded.getFileName());
            AudioAnalysis a = new AudioAnalyzer().analyze(w);
            AudioAnalysis b = new AudioAnalyzer().analyze(c);
            assertEquals(a.tempoBpm(), b.tempoBpm(), 1e-9, "tempo of " + coded.getFileName());
            assertEquals(a.beatTimes().length, b.beatTimes().length);
            for (int i = 0; i < a.beatTimes().length; i++) {
                assertEquals(a.beatTimes()[i], b.beatTimes()[i], 0.024, "beat " + i + " of " + coded.getFileName());
            }
            for (String col : List.of("spectral_centroid_mean", "spectral_bandwidth_mean", "zero_crossing_rate_mean")) {
                // a low-bit-rate codec's noise floor adds a little high-frequency energy and a few zero crossings
                double tolerance = 0.04;
                double x = a.features().get(col);
                assertEquals(x, b.features().get(col), tolerance * Math.abs(x), col + " of " + coded.getFileName());
            }
            // LAME's encode itself is 5 % quieter than its source (LAME's own decoder gives the same level)
            double rms = a.features().get("rms_mean");
            assertEquals(rms, b.features().get("rms_mean"), 0.06 * rms, "rms_mean of " + coded.getFileName());
        }
    }

    /**
     * A 64 kbps file packs its samples 22:1, more than a lossless file could: its Info header's length must still be
     * believed, so that a file cut short says how much of it was analysed.
     */
    @Test
    void aLowBitRateMp3CutShortSaysHowMuchOfItWasAnalysed() throws Exception {
        Path cut = resource("cut64.mp3");
        assertEquals(20 * 44_100, Mp3Gapless.of(cut).keep(), "the whole encode's length, from its Info header");
        DecodedAudio audio = new AudioDecoder().decode(cut);
        assertEquals(9.9, audio.durationSeconds(), 0.1);
        assertEquals("analysed the first 9.9 s of 20.0 s; the file is cut short", audio.damage());
    }

    @Test
    void lameTagGivesDelayPaddingAndLength() throws Exception {
        Mp3Gapless g = Mp3Gapless.of(resource("loop136.mp3"));
        // Info frame (1152) + LAME's 576 + decoder 529; 231 frames x 1152 - 576 - 936 padding = 6.0 s at 44.1 kHz
        assertEquals(1152 + 576 + 529, g.skip());
        assertEquals(264_600, g.keep());
        // without the Info frame only the decoder delay is known
        byte[] bytes = Files.readAllBytes(resource("loop136.mp3"));
        byte[] noInfo = java.util.Arrays.copyOfRange(bytes, 313, bytes.length);
        assertEquals(new Mp3Gapless(529, -1), Mp3Gapless.parse(noInfo));
    }

    private Path resource(String name) throws Exception {
        Path p = dir.resolve(name);
        if (Files.exists(p)) {
            return p;
        }
        try (InputStream in = GaplessMp3Test.class.getResourceAsStream("encoded/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** The shift of {@code b} against {@code a}, within +-maxLag samples, with the highest correlation. */
    private static int bestLag(float[] a, float[] b, int maxLag) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        int n = Math.min(a.length, b.length) - 2 * maxLag;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double s = 0;
            for (int i = maxLag; i < maxLag + n; i++) {
                s += a[i] * (double) b[i + lag];
            }
            if (s > bestValue) {
                bestValue = s;
                best = lag;
            }
        }
        assertTrue(bestValue > 0);
        return best;
    }
}

package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding with the resampler on a second thread gives the samples, the damage note and the errors of decoding on
 * one: for the one-phase FFT path (44.1 kHz), the many-phase path (48 kHz), no resampling (22.05 kHz), FLAC, a
 * file cut short part-way and a file longer than the decoder's limit.
 */
class ParallelDecodeTest {

    @TempDir
    Path dir;

    private static void assertSameDecoding(Path file, AudioDecoder decoder) throws Exception {
        DecodedAudio one = decoder.decode(file, 1);
        for (int threads : new int[] {2, 3}) {
            DecodedAudio many = decoder.decode(file, threads);
            String what = file.getFileName() + " on " + threads + " threads: ";
            assertArrayEquals(one.samples(), many.samples(), what + "samples");
            assertEquals(one.damage(), many.damage(), what + "damage note");
            assertEquals(one.sourceFormat(), many.sourceFormat(), what + "format");
        }
    }

    @Test
    void everyResamplingPathGivesTheSameSamplesOnTwoThreads() throws Exception {
        Path synthetic = SyntheticMusic.writeWav(dir.resolve("song.wav"), 12.3, 44_100, 120, 3);
        assertSameDecoding(synthetic, new AudioDecoder());
        double[] x = TestAudio.sine(440, 48_000, 7.1, 0.4);
        Path wav48 = TestAudio.write(dir.resolve("s48.wav"), AudioFileFormat.Type.WAVE, 48_000, 24, false,
                TestAudio.quantise(x, 2, 24));
        assertSameDecoding(wav48, new AudioDecoder());
        Path wav22 = TestAudio.wav16(dir.resolve("s22.wav"), 22_050, TestAudio.sine(330, 22_050, 3.3, 0.3));
        assertSameDecoding(wav22, new AudioDecoder());
        Path flac = TestAudio.flac(dir.resolve("s.flac"), 44_100, 16,
                TestAudio.quantise(TestAudio.sine(220, 44_100, 5.2, 0.5), 2, 16));
        assertSameDecoding(flac, new AudioDecoder());
    }

    @Test
    void aFileCutShortKeepsTheSameDecodedPartAndNote() throws Exception {
        Path whole = SyntheticMusic.writeWav(dir.resolve("whole.wav"), 9.0, 44_100, 100, 8);
        Path cut = TestAudio.cut(whole, dir.resolve("cut.wav"), 2, 3);
        assertSameDecoding(cut, new AudioDecoder());
        assertEquals(new AudioDecoder().decode(cut, 1).damage(), new AudioDecoder().decode(cut, 2).damage());
    }

    @Test
    void aFileOverTheLimitFailsTheSameWay() throws Exception {
        Path song = SyntheticMusic.writeWav(dir.resolve("long.wav"), 20.0, 44_100, 100, 9);
        AudioDecoder shortLimit = new AudioDecoder(AudioDecoder.TARGET_RATE, 6.0);
        String one = assertThrows(AudioDecodeException.class, () -> shortLimit.decode(song, 1)).getMessage();
        String two = assertThrows(AudioDecodeException.class, () -> shortLimit.decode(song, 2)).getMessage();
        assertEquals(one, two);
    }
}

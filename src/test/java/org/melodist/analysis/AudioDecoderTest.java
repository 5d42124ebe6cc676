package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFileFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioDecoderTest {

    @TempDir
    Path dir;

    private final AudioDecoder decoder = new AudioDecoder();

    @Test
    void wavAtTheTargetRateIsPassedThroughBitExact() throws Exception {
        double[] x = TestAudio.sine(440, 22_050, 0.5, 0.5);
        int[][] q = TestAudio.quantise(x, 1, 16);
        Path f = TestAudio.write(dir.resolve("a.wav"), AudioFileFormat.Type.WAVE, 22_050, 16, false, q);
        DecodedAudio a = decoder.decode(f);
        assertEquals(x.length, a.samples().length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(q[0][i] / 32768.0, a.samples()[i], 0.0);
        }
        assertEquals(22_050, a.sourceRate(), 0);
        assertEquals(1, a.sourceChannels());
    }

    /** Every container and depth the JDK and the FLAC codec read, at rates that need resampling both ways. */
    @ParameterizedTest(name = "{0} {1}-bit {2} Hz {3} ch")
    @CsvSource({"WAVE,16,44100,2", "WAVE,24,48000,1", "WAVE,8,11025,1", "AIFF,16,48000,2", "AIFF,24,44100,1",
            "AU,16,8000,1", "FLAC,16,44100,2", "FLAC,24,48000,2", "FLAC,24,22050,1"})
    void decodesEachFormatToTheSameMonoSineAt22050(String type, int bits, int rate, int channels) throws Exception {
        double hz = 1000;
        double seconds = 1.0;
        double[] x = TestAudio.sine(hz, rate, seconds, 0.5);
        int[][] q = TestAudio.quantise(x, channels, bits);
        Path f = switch (type) {
            case "WAVE" -> TestAudio.write(dir.resolve("s.wav"), AudioFileFormat.Type.WAVE, rate, bits, false, q);
            case "AIFF" -> TestAudio.write(dir.resolve("s.aiff"), AudioFileFormat.Type.AIFF, rate, bits, true, q);
            case "AU" -> TestAudio.write(dir.resolve("s.au"), AudioFileFormat.Type.AU, rate, bits, true, q);
            case "FLAC" -> TestAudio.flac(dir.resolve("s.flac"), rate, bits, q);
            default -> throw new IllegalArgumentException(type);
        };
        DecodedAudio a = decoder.decode(f);
        assertEquals(22_050, a.sampleRate());
        assertEquals(rate, a.sourceRate(), 0);
        assertEquals(channels, a.sourceChannels());
        assertEquals(Math.ceil(x.length * 22_050.0 / rate), a.samples().length, 1.0);
        // mono = mean of channels; channel c was scaled by 1 - 0.2c
        double gain = 0;
        for (int c = 0; c < channels; c++) {
            gain += 1.0 - 0.2 * c;
        }
        gain /= channels;
        double tolerance = bits == 8 ? 1.5e-2 : 2e-3;
        float[] y = a.samples();
        // away from the edges, the output is the same sine sampled at 22,050 Hz
        for (int i = 200; i < y.length - 200; i++) {
            double expected = 0.5 * gain * Math.sin(2 * Math.PI * hz * i / 22_050.0);
            assertEquals(expected, y[i], tolerance, "sample " + i + " of " + f.getFileName());
        }
    }

    @Test
    void floatWavAndMuLawAuDecode() throws Exception {
        double[] x = TestAudio.sine(1000, 44_100, 1.0, 0.5);
        for (Path f : new Path[] {TestAudio.floatWav(dir.resolve("f.wav"), 44_100, x),
            TestAudio.muLawAu(dir.resolve("u.au"), 44_100, x)}) {
            DecodedAudio a = decoder.decode(f);
            assertEquals(22_050, a.samples().length, 1);
            // mu-law keeps about 12 bits near full scale: 1 % of amplitude
            double tolerance = f.toString().endsWith(".au") ? 0.015 : 2e-3;
            for (int i = 200; i < a.samples().length - 200; i++) {
                assertEquals(0.5 * Math.sin(2 * Math.PI * 1000 * i / 22_050.0), a.samples()[i], tolerance,
                        "sample " + i + " of " + f.getFileName() + " (" + a.sourceFormat() + ")");
            }
        }
    }

    @Test
    void resamplerPassBandIsFlatToNinetyTwoPercentOfNyquist() {
        // soxr_hq's shape: flat well into the top octave, half power near 95 % of the output's Nyquist frequency
        assertEquals(1.0, resampledGain(44_100, 0.92 * 11_025), 0.002);
        assertEquals(1.0, resampledGain(48_000, 0.50 * 11_025), 0.002);
        assertEquals(1.0, resampledGain(48_000, 0.90 * 11_025), 0.002);
        double halfPower = resampledGain(44_100, 0.955 * 11_025);
        assertTrue(halfPower > 0.3 && halfPower < 0.9, "gain at 95.5 % of Nyquist: " + halfPower);
        assertTrue(resampledGain(44_100, 0.99 * 11_025) < 1e-3);
    }

    @Test
    void twoStagesMatchOneLongFilterInThePassBandAndLetNothingFoldIntoIt() {
        for (int rate : new int[] {48_000, 96_000, 32_000, 176_400}) {
            assertTrue(SincResampler.twoStages(rate, 22_050), rate + " Hz goes through 44.1 kHz");
            for (double fraction : new double[] {0.05, 0.3, 0.6, 0.85, 0.92}) {
                double hz = fraction * 11_025;
                double twoStage = resampledGain(new SincResampler(rate, 22_050), rate, hz);
                double oneStage = resampledGain(new SincResampler(rate, 22_050, false), rate, hz);
                assertEquals(oneStage, twoStage, 2e-3, rate + " Hz input, " + hz + " Hz");
                assertEquals(1.0, twoStage, 2e-3, rate + " Hz input, " + hz + " Hz");
            }
            // just past the band edge, and input frequencies whose images or aliases in the middle rate land
            // beside the pass band: every one gone (more than 70 dB down) after the second stage
            for (double hz : new double[] {0.99 * 11_025, 12_000, 0.45 * rate - 1_000, rate - 44_100 + 5_000.0}) {
                if (hz <= 11_025 || hz >= rate / 2.0) {
                    continue;
                }
                assertTrue(resampledPeak(new SincResampler(rate, 22_050), rate, hz) < 0.5 * 3e-4,
                        hz + " Hz from " + rate + " Hz leaks through");
            }
        }
        assertTrue(!SincResampler.twoStages(44_100, 22_050) && !SincResampler.twoStages(88_200, 22_050)
                && !SincResampler.twoStages(16_000, 22_050) && !SincResampler.twoStages(22_050, 22_050));
    }

    /** Peak output of a resampled sine of amplitude 0.5 at {@code hz}, away from the ends. */
    private static double resampledPeak(SincResampler r, int rate, double hz) {
        float[] out = resample(r, sine(rate, hz), 4_096);
        double peak = 0;
        for (int i = 400; i < out.length - 400; i++) {
            peak = Math.max(peak, Math.abs(out[i]));
        }
        return peak;
    }

    private static float[] sine(int rate, double hz) {
        double[] x = TestAudio.sine(hz, rate, 1.0, 0.5);
        float[] in = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = (float) x[i];
        }
        return in;
    }

    /** Amplitude of a resampled sine relative to the input's (interior samples, fitted by least squares). */
    private static double resampledGain(int rate, double hz) {
        return resampledGain(new SincResampler(rate, 22_050), rate, hz);
    }

    private static double resampledGain(SincResampler resampler, int rate, double hz) {
        float[][] out = {resample(resampler, sine(rate, hz), 4_096)};
        double ss = 0;
        double cc = 0;
        double s2 = 0;
        double c2 = 0;
        for (int i = 500; i < out[0].length - 500; i++) {
            double s = Math.sin(2 * Math.PI * hz * i / 22_050.0);
            double c = Math.cos(2 * Math.PI * hz * i / 22_050.0);
            ss += out[0][i] * s;
            cc += out[0][i] * c;
            s2 += s * s;
            c2 += c * c;
        }
        double a = ss / s2;
        double b = cc / c2;
        return Math.hypot(a, b) / 0.5;
    }

    @Test
    void fftDecimationEqualsTheDirectFilter() {
        java.util.Random rnd = new java.util.Random(5);
        float[] in = new float[100_003];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (0.3 * rnd.nextGaussian());
        }
        for (int rate : new int[] {44_100, 88_200}) {
            float[] fast = resample(new SincResampler(rate, 22_050, true), in, 3_001);
            float[] direct = resample(new SincResampler(rate, 22_050, false), in, 3_001);
            assertEquals(direct.length, fast.length);
            for (int i = 0; i < fast.length; i++) {
                assertEquals(direct[i], fast[i], 1e-5, "sample " + i + " at " + rate);
            }
        }
    }

    @Test
    void resampledSamplesDependOnTheInputAloneNotOnItsBlocksOrThreads() {
        java.util.Random rnd = new java.util.Random(11);
        float[] in = new float[120_007];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (0.3 * rnd.nextGaussian());
        }
        // the FFT path (44.1 and 88.2 kHz), the many-phase path (48 kHz) and the interpolated kernel (an odd rate)
        for (int rate : new int[] {44_100, 88_200, 48_000, 37_013}) {
            float[] whole = resample(new SincResampler(rate, 22_050), in, in.length);
            for (int block : new int[] {1_000, 3_001}) {
                for (int threads : new int[] {1, 2}) {
                    float[] cut = resample(new SincResampler(rate, 22_050, threads), in, block);
                    assertArrayEquals(whole, cut, rate + " Hz in blocks of " + block + " on " + threads + " threads");
                }
            }
        }
    }

    /** Feeds {@code in} in uneven blocks of {@code block} samples, as a decoder would. */
    private static float[] resample(SincResampler r, float[] in, int block) {
        float[][] out = {new float[0]};
        SincResampler.Sink sink = (b, n) -> {
            float[] o = out[0];
            out[0] = Arrays.copyOf(o, o.length + n);
            System.arraycopy(b, 0, out[0], o.length, n);
        };
        for (int off = 0; off < in.length; off += block) {
            float[] part = Arrays.copyOfRange(in, off, Math.min(in.length, off + block));
            r.process(part, part.length, sink);
        }
        r.finish(sink);
        return out[0];
    }

    @Test
    void resamplerRejectsWhatWouldAlias() throws Exception {
        // 15 kHz is above the 11,025 Hz Nyquist frequency of the output: it must vanish, not fold to 7.05 kHz
        double[] x = TestAudio.sine(15_000, 44_100, 1.0, 0.5);
        float[] in = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = (float) x[i];
        }
        SincResampler r = new SincResampler(44_100, 22_050);
        float[][] out = {new float[0]};
        SincResampler.Sink sink = (b, n) -> {
            float[] o = out[0];
            out[0] = Arrays.copyOf(o, o.length + n);
            System.arraycopy(b, 0, out[0], o.length, n);
        };
        r.process(in, in.length, sink);
        r.finish(sink);
        double peak = 0;
        for (int i = 200; i < out[0].length - 200; i++) {
            peak = Math.max(peak, Math.abs(out[0][i]));
        }
        assertTrue(peak < 0.5 * 1e-3, "alias leaks at " + 20 * Math.log10(peak / 0.5) + " dB");
    }

    @Test
    void midiIsRoutedToTheImporter() throws Exception {
        Path mid = Files.write(dir.resolve("tune.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96});
        assertMessage(mid, "MIDI importer");
        Path disguised = Files.copy(mid, dir.resolve("disguised.wav"));
        assertMessage(disguised, "MIDI importer");
        assertTrue(AudioDecoder.isMidi(dir.resolve("other.MIDI")));
    }

    @Test
    void badInputGivesOneLineNamingFileAndReason() throws Exception {
        assertMessage(Files.createFile(dir.resolve("empty.wav")), "empty file");
        assertMessage(Files.writeString(dir.resolve("notes.mp3"), "these are my lyrics, not an mp3 ".repeat(40)),
                "not an MP3 file, or a damaged one (no MP3 header found)");
        assertMessage(Files.writeString(dir.resolve("notes.txt"), "these are my lyrics, not audio ".repeat(40)),
                "not a supported audio file");
        assertMessage(dir.resolve("missing.wav"), "no such file");
        assertMessage(Files.createDirectory(dir.resolve("folder.wav")), "folder");
        Path good = TestAudio.wav16(dir.resolve("good.wav"), 22_050, TestAudio.sine(440, 22_050, 0.5, 0.5));
        byte[] bytes = Files.readAllBytes(good);
        assertMessage(Files.write(dir.resolve("header-only.wav"), Arrays.copyOf(bytes, 20)), "");
        assertMessage(TestAudio.wav16(dir.resolve("zero.wav"), 22_050, new double[0]), "zero length");
        assertMessage(TestAudio.wav16(dir.resolve("silence.wav"), 22_050, new double[22_050]), "silent");
        double[] dc = new double[22_050 * 5];
        Arrays.fill(dc, 0.3);
        assertMessage(TestAudio.wav16(dir.resolve("dc.wav"), 22_050, dc), "constant (DC)");
    }

    @Test
    void truncatedFileDecodesWhatIsThere() throws Exception {
        Path good = TestAudio.wav16(dir.resolve("long.wav"), 22_050, TestAudio.sine(440, 22_050, 1.0, 0.5));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(bytes, 44 + 2 * 11_025 + 1));
        DecodedAudio a = decoder.decode(cut);
        assertEquals(11_025, a.samples().length);
    }

    @Test
    void refusesAudioBeyondTheDurationLimit() throws Exception {
        Path f = TestAudio.wav16(dir.resolve("long.wav"), 22_050, TestAudio.sine(440, 22_050, 3.0, 0.5));
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> new AudioDecoder(22_050, 2.0).decode(f));
        assertTrue(e.getMessage().startsWith("long.wav: longer than"), e.getMessage());
    }

    private void assertMessage(Path file, String reason) throws IOException {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> decoder.decode(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.getFileName() + ": "), m);
        assertTrue(m.contains(reason), m);
        assertTrue(m.lines().count() == 1, m);
    }

    /**
     * jFLAC allocates whatever a comment block declares; a damaged count (found by the decoder fuzz test) asked it for
     * billions of comments and ran the JVM out of memory. Such a file is refused in one line instead.
     */
    @Test
    void aFlacWhoseCommentBlockDeclaresBillionsOfCommentsIsRefusedWithoutExhaustingMemory() throws Exception {
        byte[] bytes;
        try (var in = AudioDecoderTest.class.getResourceAsStream("encoded/fuzz.flac")) {
            bytes = in.readAllBytes();
        }
        // libFLAC's comment block: header at 0x40, vendor length 32 at 0x44, the vendor, then the comment count
        assertEquals(4, bytes[0x40] & 0x7F, "a vorbis comment block");
        assertEquals(32, bytes[0x44]);
        Path fine = Files.write(dir.resolve("fine.flac"), bytes);
        assertTrue(new AudioDecoder().decode(fine).samples().length > 0);
        bytes[0x68] = (byte) 0xFF;
        bytes[0x69] = (byte) 0xFF;
        bytes[0x6A] = (byte) 0xFF;
        bytes[0x6B] = (byte) 0x7F;
        Path damaged = Files.write(dir.resolve("comments.flac"), bytes);
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> new AudioDecoder().decode(damaged));
        assertEquals("comments.flac: the file is damaged (the FLAC header cannot be read)", e.getMessage());
    }

    /** The same through JOrbis: a comment count of two billion in an otherwise intact Vorbis comment header. */
    @Test
    void anOggWhoseCommentHeaderDeclaresBillionsOfCommentsIsRefusedInOneLine() throws Exception {
        byte[] bytes;
        try (var in = AudioDecoderTest.class.getResourceAsStream("encoded/loop136.ogg")) {
            bytes = in.readAllBytes();
        }
        int header = indexOf(bytes, new byte[] {3, 'v', 'o', 'r', 'b', 'i', 's'});
        int count = header + 7 + 4 + (bytes[header + 7] & 0xFF);
        assertEquals(0, bytes[count] | bytes[count + 1] | bytes[count + 2] | bytes[count + 3], "no comments yet");
        bytes[count] = (byte) 0xF0;
        bytes[count + 1] = (byte) 0xFF;
        bytes[count + 2] = (byte) 0xFF;
        bytes[count + 3] = (byte) 0x7F;
        // the page's checksum made to match, as an encoder that wrote such a header would
        int page = header;
        while (!(bytes[page] == 'O' && bytes[page + 1] == 'g' && bytes[page + 2] == 'g' && bytes[page + 3] == 'S')) {
            page--;
        }
        int crc = OggLength.checksum(bytes, page, OggLength.pageLength(bytes, page, bytes.length));
        for (int k = 0; k < 4; k++) {
            bytes[page + 22 + k] = (byte) (crc >>> (8 * k));
        }
        Path damaged = Files.write(dir.resolve("comments.ogg"), bytes);
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> new AudioDecoder().decode(damaged));
        assertEquals("comments.ogg: the file is damaged (the Vorbis header cannot be read)", e.getMessage());
    }

    private static int indexOf(byte[] b, byte[] what) {
        for (int i = 0; i + what.length <= b.length; i++) {
            if (Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}

package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Ogg Vorbis file's length read from its last page lets the analysis start while it decodes: the length must be the
 * decoded one exactly, and a damaged, cut or chained file must give a length it really holds or none.
 */
class OggLengthTest {

    @TempDir
    Path dir;

    private Path loop() throws Exception {
        Path ogg = dir.resolve("loop136.ogg");
        try (InputStream in = OggLengthTest.class.getResourceAsStream("encoded/loop136.ogg")) {
            Files.copy(in, ogg);
        }
        return ogg;
    }

    @Test
    void theLastPageGivesTheDecodedLengthAndTheSamplesGoWhereTheAnalysisReadsThem() throws Exception {
        Path ogg = loop();
        assertEquals(new OggLength(264_600, true), OggLength.of(ogg), "6.0 s at 44.1 kHz, the stream's end");
        float[][] target = new float[1][];
        DecodedAudio audio = new AudioDecoder().decode(ogg, 2, new AudioDecoder.Progress() {
            @Override
            public void target(float[] t) {
                target[0] = t;
            }

            @Override
            public void written(int count) {
            }
        });
        assertSame(target[0], audio.samples(), "decoded into the array the analysis started on");
        assertEquals(132_300, audio.samples().length);
        assertEquals(null, audio.damage());
    }

    @Test
    void aCutFileGivesTheLengthOfItsLastWholePage() throws Exception {
        Path cut = TestAudio.cut(loop(), dir.resolve("cut.ogg"), 1, 2);
        OggLength length = OggLength.of(cut);
        assertTrue(length.frames() > 0 && length.frames() < 264_600, "a length short of the whole: " + length);
        assertTrue(!length.ended(), "the stream's last page is missing");
        // what the codec decodes from the cut file is that many frames at 44.1 kHz, and the analysis says it is cut
        DecodedAudio audio = new AudioDecoder().decode(cut, 1);
        assertEquals(length.frames() / 2.0, audio.samples().length, 1.0);
        assertEquals(String.format(java.util.Locale.ROOT,
                "analysed the first %.1f s; the file is cut short (its last page is missing)", length.frames() / 44_100.0),
                audio.damage());
    }

    @Test
    void aDamagedLastPageIsPassedOverAndGarbageAfterTheStreamIsIgnored() throws Exception {
        byte[] whole = Files.readAllBytes(loop());
        byte[] flipped = whole.clone();
        flipped[flipped.length - 10] ^= 0x40;
        Path damaged = dir.resolve("damaged.ogg");
        Files.write(damaged, flipped);
        long length = OggLength.of(damaged).frames();
        assertTrue(length > 0 && length < 264_600, "the page before the damaged one: " + length);

        byte[] tail = Arrays.copyOf(whole, whole.length + 5000);
        Arrays.fill(tail, whole.length, tail.length, (byte) 'O');
        Path garbage = dir.resolve("garbage.ogg");
        Files.write(garbage, tail);
        assertEquals(new OggLength(264_600, true), OggLength.of(garbage));
    }

    @Test
    void aChainedFileOrAFileThatIsNotOggHasNoLength() throws Exception {
        byte[] whole = Files.readAllBytes(loop());
        // a second logical stream (another serial number on every page) after the first: its count restarts
        byte[] other = whole.clone();
        for (int p = 0; p + 27 <= other.length; ) {
            int n = OggLength.pageLength(other, p, other.length);
            other[p + 14] ^= 1;
            int crc = OggLength.checksum(other, p, n);
            for (int k = 0; k < 4; k++) {
                other[p + 22 + k] = (byte) (crc >>> (8 * k));
            }
            p += n;
        }
        assertEquals(264_600, OggLength.lastGranule(other, other.length, readSerial(other)).frames(), "the copy is intact");
        byte[] chained = Arrays.copyOf(whole, whole.length * 2);
        System.arraycopy(other, 0, chained, whole.length, other.length);
        Path file = dir.resolve("chained.ogg");
        Files.write(file, chained);
        assertEquals(OggLength.UNKNOWN, OggLength.of(file));

        Path wav = SyntheticMusic.writeWav(dir.resolve("song.wav"), 1.0, 44_100, 100, 1);
        assertEquals(OggLength.UNKNOWN, OggLength.of(wav));
        Path tiny = dir.resolve("tiny.ogg");
        Files.write(tiny, new byte[] {'O', 'g', 'g', 'S', 0});
        assertEquals(OggLength.UNKNOWN, OggLength.of(tiny));
    }

    private static int readSerial(byte[] b) {
        return (b[14] & 0xFF) | (b[15] & 0xFF) << 8 | (b[16] & 0xFF) << 16 | (b[17] & 0xFF) << 24;
    }
}

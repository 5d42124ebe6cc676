package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On several threads a file's features start while it is still being decoded; the analysis is still exactly the
 * one-thread analysis of the decoded samples: for files that declare their length (WAV, FLAC, an MP3 with a LAME
 * header, an Ogg Vorbis file on its last page), one whose header promises more than it holds, and one that cannot be
 * decoded at all.
 */
class PipelinedAnalysisTest {

    @TempDir
    Path dir;

    private static void assertSameAnalysis(Path file) throws Exception {
        AudioAnalysis one = new AudioAnalyzer(new AudioDecoder(), 1).analyze(file);
        AudioAnalysis two = new AudioAnalyzer(new AudioDecoder(), 2).analyze(file);
        String what = file.getFileName() + ": ";
        assertEquals(one.features(), two.features(), what + "GTZAN vector");
        assertEquals(one.tempoBpm(), two.tempoBpm(), 0.0, what + "tempo");
        assertArrayEquals(one.beatTimes(), two.beatTimes(), what + "beats");
        assertEquals(one.key(), two.key(), what + "key");
        assertEquals(one.damage(), two.damage(), what + "damage note");
        assertEquals(one.durationSec(), two.durationSec(), 0.0, what + "duration");
        assertArrayEquals(one.frames().rms(), two.frames().rms(), what + "rms");
        assertArrayEquals(one.frames().onsetStrength(), two.frames().onsetStrength(), what + "onset");
        assertArrayEquals(one.frames().chroma()[4], two.frames().chroma()[4], what + "chroma E");
    }

    @Test
    void filesThatDeclareTheirLengthGiveTheOneThreadAnalysis() throws Exception {
        assertSameAnalysis(SyntheticMusic.writeWav(dir.resolve("song.wav"), 31.3, 44_100, 123, 5));
        assertSameAnalysis(SyntheticMusic.writeWav(dir.resolve("song48.wav"), 14.2, 48_000, 97, 6));
        assertSameAnalysis(TestAudio.flac(dir.resolve("song.flac"), 44_100, 16,
                TestAudio.quantise(TestAudio.sine(220, 44_100, 17.5, 0.5), 2, 16)));
        Path mp3 = dir.resolve("loop136.mp3");
        try (InputStream in = PipelinedAnalysisTest.class.getResourceAsStream("encoded/loop136.mp3")) {
            Files.copy(in, mp3);
        }
        assertSameAnalysis(mp3);
        // an Ogg Vorbis file tells its length on its last page
        Path ogg = dir.resolve("loop136.ogg");
        try (InputStream in = PipelinedAnalysisTest.class.getResourceAsStream("encoded/loop136.ogg")) {
            Files.copy(in, ogg);
        }
        assertSameAnalysis(ogg);
        assertSameAnalysis(TestAudio.cut(ogg, dir.resolve("cut.ogg"), 2, 3));
    }

    @Test
    void aFileShorterThanItsHeaderSaysIsAnalysedAsDecoded() throws Exception {
        Path whole = SyntheticMusic.writeWav(dir.resolve("whole.wav"), 25.0, 44_100, 100, 8);
        assertSameAnalysis(TestAudio.cut(whole, dir.resolve("cut.wav"), 3, 5));
    }

    @Test
    void aFileThatCannotBeDecodedFailsAsOnOneThread() throws Exception {
        Path broken = dir.resolve("broken.wav");
        byte[] bytes = Files.readAllBytes(SyntheticMusic.writeWav(dir.resolve("ok.wav"), 3.0, 44_100, 100, 8));
        Arrays.fill(bytes, 8, 44, (byte) 0x5a);
        Files.write(broken, bytes);
        String one = assertThrows(AudioDecodeException.class,
                () -> new AudioAnalyzer(new AudioDecoder(), 1).analyze(broken)).getMessage();
        String two = assertThrows(AudioDecodeException.class,
                () -> new AudioAnalyzer(new AudioDecoder(), 2).analyze(broken)).getMessage();
        assertEquals(one, two);
    }

    @Test
    void featuresWaitForEverySampleTheyRead() throws Exception {
        float[] y = new AudioDecoder().decode(SyntheticMusic.writeWav(dir.resolve("s.wav"), 40.0, 44_100, 110, 2))
                .samples();
        FrameFeatures whole = new FeatureExtractor(22_050, 2).extract(y);
        // a slow decoder: the samples arrive a few thousand at a time, with pauses, into an array of zeros
        float[] arriving = new float[y.length];
        SampleGate gate = new SampleGate();
        gate.target(arriving);
        Future<?> writer = Parallel.submit(() -> {
            for (int at = 0; at < y.length; ) {
                int n = Math.min(y.length - at, 4_001);
                System.arraycopy(y, at, arriving, at, n);
                at += n;
                gate.written(at);
                Thread.sleep(4);
            }
            gate.finish();
            return null;
        });
        FrameFeatures gated = new FeatureExtractor(22_050, 2).extract(arriving, f -> { }, gate);
        writer.get();
        assertArrayEquals(whole.spectralCentroid(), gated.spectralCentroid());
        assertArrayEquals(whole.rms(), gated.rms());
        assertArrayEquals(whole.onsetStrength(), gated.onsetStrength());
        assertEquals(whole.harmonyVar(), gated.harmonyVar(), 0.0);
        assertArrayEquals(whole.mfcc()[1], gated.mfcc()[1]);
        // and a decoder that stops short: the features give up instead of reading what never came
        SampleGate shortGate = new SampleGate();
        shortGate.target(new float[y.length]);
        shortGate.written(y.length / 3);
        shortGate.finish();
        assertThrows(SampleGate.Incomplete.class,
                () -> new FeatureExtractor(22_050, 2).extract(new float[y.length], f -> { }, shortGate));
    }
}

package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis split over several threads gives bit-for-bit what the single-core path gives: every frame-wise
 * series, the harmonic waveform's moments, the GTZAN vector, tempo, beats and key. Lengths cover a file shorter
 * than one HPSS block, one spanning several blocks with a ragged last one, and thread counts that do not divide
 * the work evenly.
 */
class ParallelAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void anyThreadCountGivesTheSingleCoreResultExactly() throws Exception {
        for (double seconds : new double[] {0.7, 31.3}) {
            Path wav = SyntheticMusic.writeWav(dir.resolve("s" + seconds + ".wav"), seconds, 44_100, 123, 5);
            DecodedAudio audio = new AudioDecoder().decode(wav);
            AudioAnalysis one = new AudioAnalyzer(new AudioDecoder(), 1).analyze(audio);
            for (int threads : new int[] {2, 3}) {
                AudioAnalysis many = new AudioAnalyzer(new AudioDecoder(), threads).analyze(audio);
                String what = seconds + " s on " + threads + " threads: ";
                assertEquals(one.features(), many.features(), what + "GTZAN vector");
                assertEquals(one.tempoBpm(), many.tempoBpm(), 0.0, what + "tempo");
                assertArrayEquals(one.beatTimes(), many.beatTimes(), what + "beats");
                assertEquals(one.key(), many.key(), what + "key");
                FrameFeatures a = one.frames();
                FrameFeatures b = many.frames();
                assertArrayEquals(a.spectralCentroid(), b.spectralCentroid(), what + "centroid");
                assertArrayEquals(a.spectralBandwidth(), b.spectralBandwidth(), what + "bandwidth");
                assertArrayEquals(a.rolloff(), b.rolloff(), what + "rolloff");
                assertArrayEquals(a.onsetStrength(), b.onsetStrength(), what + "onset");
                assertArrayEquals(a.zeroCrossingRate(), b.zeroCrossingRate(), what + "zero-crossing rate");
                assertArrayEquals(a.rms(), b.rms(), what + "rms");
                assertEquals(a.harmonyVar(), b.harmonyVar(), 0.0, what + "harmonic variance");
                assertEquals(a.perceptrVar(), b.perceptrVar(), 0.0, what + "percussive variance");
                int end = (int) (seconds * 22_050);
                assertArrayEquals(a.harmonyBlocks().meanVar(0, end), b.harmonyBlocks().meanVar(0, end),
                        what + "harmonic block moments");
                assertEquals(GenreWindows.windows(one, 1), GenreWindows.windows(many, threads),
                        what + "genre windows");
                assertEquals(a.chromaTuning(), b.chromaTuning(), 0.0, what + "tuning");
                for (int c = 0; c < a.chroma().length; c++) {
                    assertArrayEquals(a.chroma()[c], b.chroma()[c], what + "chroma " + c);
                }
                for (int m = 0; m < a.mfcc().length; m++) {
                    assertArrayEquals(a.mfcc()[m], b.mfcc()[m], what + "mfcc " + m);
                }
            }
        }
    }

    @Test
    void spectraComputedAgainForALongFileGiveTheKeptSpectrasChroma() throws Exception {
        Path wav = SyntheticMusic.writeWav(dir.resolve("long.wav"), 31.3, 44_100, 97, 8);
        float[] y = new AudioDecoder().decode(wav).samples();
        FrameFeatures kept = new FeatureExtractor(22_050, 1).extract(y);
        for (int threads : new int[] {1, 2}) {
            // a limit of no frames makes this file count as too long to keep its power spectra
            FeatureExtractor again = new FeatureExtractor(22_050, threads, 0);
            FrameFeatures b = again.extract(y);
            String what = "spectra computed again on " + threads + " threads: ";
            assertEquals(kept.chromaTuning(), b.chromaTuning(), 0.0, what + "tuning");
            for (int c = 0; c < kept.chroma().length; c++) {
                assertArrayEquals(kept.chroma()[c], b.chroma()[c], what + "chroma " + c);
            }
            assertArrayEquals(kept.spectralCentroid(), b.spectralCentroid(), what + "centroid");
            assertArrayEquals(kept.mfcc()[3], b.mfcc()[3], what + "mfcc 3");
            assertEquals(kept.harmonyVar(), b.harmonyVar(), 0.0, what + "harmonic variance");
        }
    }

    @Test
    void hpssHarmonicWaveformIsTheSameOnAnyThreadCount() {
        float[] y = new float[22_050 * 13 + 77];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 22_050.0) + 0.1 * r.nextGaussian());
        }
        float[] one = new Hpss(1).harmonic(y, null);
        assertArrayEquals(one, new Hpss(2).harmonic(y, null));
        assertArrayEquals(one, new Hpss(5).harmonic(y, null));
    }
}

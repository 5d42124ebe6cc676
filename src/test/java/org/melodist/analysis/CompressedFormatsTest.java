package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.melodist.SharedData;

/**
 * MP3 and OGG Vorbis need real encoded files (no encoder runs in the tests): any such file in
 * shared/data/librosa-ref is decoded, and where a WAV of the same name sits beside it, its GTZAN vector is
 * compared with the WAV's. FLAC, WAV, AIFF and AU are covered by generated files in {@link AudioDecoderTest}.
 */
class CompressedFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "ogg", "flac"})
    void realEncodedFilesDecodeAndMatchTheirWav(String ext) throws Exception {
        List<Path> files = referenceFiles(ext);
        String reason = files == null ? SharedData.missingReason("librosa-ref")
                : "skipped: no ." + ext + " file in shared/data/librosa-ref (it holds WAV only); the " + ext
                        + " path was checked by hand with sox-made files";
        if (files == null || files.isEmpty()) {
            System.out.println(reason);
        }
        Assumptions.assumeTrue(files != null && !files.isEmpty(), reason);
        Map<String, Double> typical = LibrosaParityTest.typicalMagnitudes();
        for (Path f : files) {
            AudioAnalysis a = new AudioAnalyzer().analyze(f);
            assertTrue(a.durationSec() > 0 && Double.isFinite(a.tempoBpm()), f.toString());
            String stem = f.getFileName().toString().replaceAll("\\.[^.]+$", "");
            Path wav = f.resolveSibling(stem + ".wav");
            if (Files.exists(wav)) {
                AudioAnalysis w = new AudioAnalyzer().analyze(wav);
                assertEquals(w.durationSec(), a.durationSec(), 0.1, "duration of " + f.getFileName());
                for (String col : List.of("spectral_centroid_mean", "rms_mean", "mfcc1_mean", "mfcc2_mean")) {
                    double expected = w.features().get(col);
                    double scale = Math.max(Math.abs(expected), typical.getOrDefault(col, 0.0));
                    assertEquals(expected, a.features().get(col), 0.05 * scale, col + " of " + f.getFileName());
                }
            }
        }
    }

    private static List<Path> referenceFiles(String ext) throws IOException {
        Optional<Path> dir = SharedData.data("librosa-ref");
        if (dir.isEmpty()) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir.get())) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + ext)).sorted()
                    .toList();
        }
    }
}

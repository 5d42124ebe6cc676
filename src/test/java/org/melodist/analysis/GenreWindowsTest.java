package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenreWindowsTest {

    private static AudioAnalysis long65;

    @BeforeAll
    static void analyse(@TempDir Path dir) throws Exception {
        Path f = SyntheticMusic.writeWav(dir.resolve("song.wav"), 65, 22_050, 112, 3);
        long65 = new AudioAnalyzer().analyze(f);
    }

    @Test
    void longRecordingIsCutIntoThirtySecondWindowsWithAShortTailMerged() {
        List<GenreWindows.Window> w = GenreWindows.windows(long65);
        // 65 s: 0-30, then 30-65 because a 5 s tail is too short to stand alone
        assertEquals(2, w.size());
        assertEquals(0.0, w.get(0).startSec());
        assertEquals(30.0, w.get(0).endSec(), 1e-9);
        assertEquals(30.0, w.get(1).startSec(), 1e-9);
        assertEquals(65.0, w.get(1).endSec(), 1e-3);
        // summarised side by side or one after another, the windows are the same
        assertEquals(GenreWindows.windows(long65, 1), w);
        assertEquals(GenreWindows.windows(long65, 3), w);
        for (GenreWindows.Window win : w) {
            assertEquals(GtzanSummary.COLUMNS, List.copyOf(win.features().keySet()));
            assertEquals(Math.round((win.endSec() - win.startSec()) * 22_050), win.features().get("length"), 1.0);
            // the generated song is at 112 BPM in every window
            assertEquals(112, win.features().get("tempo"), 112 * 0.03, "tempo of window at " + win.startSec());
        }
    }

    @Test
    void aStretchCoveringTheWholeFileIsTheWholeFileVector() {
        FrameFeatures f = long65.frames();
        Map<String, Double> whole = long65.features();
        Map<String, Double> stretch = GtzanSummary.ofStretch(f, 0, f.length());
        for (String col : GtzanSummary.COLUMNS) {
            double a = whole.get(col);
            double b = stretch.get(col);
            assertEquals(a, b, 1e-6 * Math.max(1, Math.abs(a)) + 1e-9, col);
        }
    }

    @Test
    void shortRecordingIsOneWindowWithTheWholeFileVector() {
        float[] y = new float[22_050 * 12];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 22_050.0) * (1 + Math.sin(i / 3000.0)));
        }
        AudioAnalysis a = new AudioAnalyzer().analyze(new DecodedAudio(y, 22_050, 22_050, 1, "test"));
        List<GenreWindows.Window> w = GenreWindows.windows(a);
        assertEquals(1, w.size());
        assertEquals(a.features(), w.get(0).features());
    }
}

package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.sound.TestSoundbanks;

/** The benchmark runs end to end on a short song and prints every figure (speeds are not asserted). */
class BenchRenderCommandTest {

    @Test
    void printsRenderSpeedPlayheadCostAndLatencyFigures(@TempDir Path dir) throws Exception {
        Path bank = TestSoundbanks.writeSineBank(dir);
        CliRun r = CliRun.run("bench-render",
                "--soundfont", bank.toString(), "--seconds", "4", "--runs", "1", "--reads", "100000");
        assertEquals(0, r.code(), r.err());
        String text = r.out();
        assertTrue(text.contains("song: 4 tracks"), text);
        Matcher m = Pattern.compile("render 44100 Hz: ([0-9.]+) s of audio").matcher(text);
        assertTrue(m.find(), text);
        // two bars of 2 s plus the 2 s default tail
        assertEquals(6.0, Double.parseDouble(m.group(1)), 0.05);
        assertTrue(text.contains("ns per read"), text);
        assertTrue(text.contains("note-on to first sample"), text);
        assertTrue(text.contains("live open"), text);
    }
}

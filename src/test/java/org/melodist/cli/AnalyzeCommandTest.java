package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melodist.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.SharedData;
import org.melodist.analysis.GtzanSummary;
import org.melodist.analysis.genre.GenreClassifier;
import org.melodist.analysis.genre.GenreModelException;

class AnalyzeCommandTest {

    private static Path reference(String name) {
        Optional<Path> p = SharedData.data("librosa-ref/" + name);
        if (p.isEmpty()) {
            System.out.println(SharedData.missingReason("librosa-ref"));
        }
        Assumptions.assumeTrue(p.isPresent(), SharedData.missingReason("librosa-ref"));
        return p.get();
    }

    private static boolean genreModelInstalled() {
        try {
            GenreClassifier.loadDefault();
            return true;
        } catch (GenreModelException e) {
            System.out.println("no genre model installed: " + e.getMessage());
            return false;
        }
    }

    @Test
    void jsonHasTheIssueKeysAndTheCsvColumns() throws Exception {
        Path wav = reference("loop_tabla.wav");
        CliRun r = run("analyze", wav.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(235_362 / 22_050.0, j.get("durationSec").asDouble(), 1e-9);
        assertEquals(89.1029, j.get("tempoBpm").asDouble(), 0.01);
        assertEquals(14, j.get("beats").size());
        assertTrue(j.get("key").get("name").asText().matches("[A-G][#b]? (major|minor)"), j.get("key").toString());
        List<String> names = new ArrayList<>();
        j.get("features").fieldNames().forEachRemaining(names::add);
        assertEquals(GtzanSummary.COLUMNS, names);
        Optional<Path> csv = SharedData.data("gtzan-features/features_30_sec.csv");
        if (csv.isPresent()) {
            String[] header = Files.readAllLines(csv.get()).get(0).split(",");
            assertEquals(Arrays.asList(header).subList(1, header.length - 1), names);
        }
        assertFalse(j.has("frames"));
        if (genreModelInstalled()) {
            JsonNode g = j.get("genre");
            assertEquals(10, g.get("probabilities").size());
            double sum = 0;
            for (JsonNode p : g.get("probabilities")) {
                sum += p.asDouble();
            }
            assertEquals(1.0, sum, 1e-6);
            assertTrue(g.get("probabilities").has(g.get("label").asText()));
            assertEquals(1, g.get("windows").size());
        } else {
            assertFalse(j.has("genre"));
            assertTrue(r.err().contains("no genre"), r.err());
        }
    }

    @Test
    void framesAddTheSeriesAtHopResolution() throws Exception {
        Path wav = reference("cbsu_music_menu.wav");
        CliRun r = run("analyze", wav.toString(), "--json", "--frames");
        assertEquals(0, r.code(), r.err());
        JsonNode f = new ObjectMapper().readTree(r.out()).get("frames");
        assertEquals(512 / 22_050.0, f.get("hopSeconds").asDouble(), 1e-12);
        int frames = 1 + 87_060 / 512;
        for (String s : List.of("spectral_centroid", "spectral_bandwidth", "rolloff", "zero_crossing_rate", "rms",
                "onset_strength")) {
            assertEquals(frames, f.get(s).size(), s);
        }
        assertEquals(20, f.get("mfcc").size());
        assertEquals(12, f.get("chroma_stft").size());
        assertEquals(frames, f.get("chroma_stft").get(0).size());
    }

    @Test
    void textOutputSummarises() {
        Path wav = reference("cbsu_music_menu.wav");
        CliRun r = run("analyze", wav.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tempo 117.5 BPM"), r.out());
        assertTrue(r.out().contains("mfcc20_var"), r.out());
    }

    @Test
    void badFilesAndMidiExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.ogg"), "not audio at all, just words ".repeat(50));
        CliRun r = run("analyze", junk.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("melodist analyze: junk.ogg: "), r.err());
        Path mid = Files.write(dir.resolve("song.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96});
        CliRun m = run("analyze", mid.toString());
        assertEquals(2, m.code());
        assertTrue(m.err().contains("MIDI importer"), m.err());
    }

    @Test
    void benchmarkPrintsSpeedAndHeap() {
        CliRun r = run("bench-analyze", "--seconds", "8", "--runs", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("x real time") && r.out().contains("peak heap")
                && r.out().contains("median of"), r.out());
        assertTrue(r.out().contains("HPSS"), r.out());
    }
}

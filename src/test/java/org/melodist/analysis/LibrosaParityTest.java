package org.melodist.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.melodist.SharedData;

/**
 * Parity with librosa 0.10.1 on the two reference recordings in shared/data/librosa-ref: every GTZAN column
 * within 2 % (columns whose librosa value is near zero judged on the column's typical magnitude in the GTZAN
 * table), tempo within 2 %, and the frame-wise series close frame by frame.
 */
class LibrosaParityTest {

    private static final double TOLERANCE = 0.02;

    @ParameterizedTest
    @ValueSource(strings = {"loop_tabla", "cbsu_music_menu"})
    void gtzanVectorAndTempoMatchLibrosa(String name) throws Exception {
        Reference ref = reference(name);
        AudioAnalysis a = new AudioAnalyzer().analyze(ref.wav());
        Map<String, Double> typical = typicalMagnitudes();
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder(name + " parity (ours vs librosa, error on the judged scale):\n");
        for (String col : GtzanSummary.COLUMNS) {
            double expected = ref.json().get("gtzan").get(col).asDouble();
            double actual = a.features().get(col);
            double scale = Math.max(Math.abs(expected), typical.getOrDefault(col, 0.0));
            double err = Math.abs(actual - expected) / scale;
            report.append(String.format("  %-26s %14.6g %14.6g  %.3f%%%n", col, actual, expected, 100 * err));
            if (err > TOLERANCE) {
                failures.add(col + String.format(" (%.2f%%)", 100 * err));
            }
        }
        System.out.println(report);
        assertTrue(failures.isEmpty(), name + ": columns off by more than 2 %: " + failures);
        double refTempo = ref.json().get("beat").get("tempo_bpm").asDouble();
        assertEquals(refTempo, a.tempoBpm(), refTempo * TOLERANCE, name + " tempo");
    }

    record Reference(Path wav, JsonNode json) {
    }

    static Reference reference(String name) throws IOException {
        Optional<Path> dir = SharedData.data("librosa-ref");
        if (dir.isEmpty()) {
            System.out.println(SharedData.missingReason("librosa-ref"));
        }
        Assumptions.assumeTrue(dir.isPresent(), SharedData.missingReason("librosa-ref"));
        JsonNode json = new ObjectMapper().readTree(dir.get().resolve(name + ".json").toFile());
        return new Reference(dir.get().resolve(name + ".wav"), json);
    }

    /**
     * Median |value| over the GTZAN table of each signed column (harmony_mean, perceptr_mean, mfccN_mean: the
     * means that can sit near zero), the scale such a column is judged on. Positive columns are judged relative
     * to librosa's own value. Without the table, librosa's value alone is the scale.
     */
    static Map<String, Double> typicalMagnitudes() throws IOException {
        Optional<Path> csv = SharedData.data("gtzan-features/features_30_sec.csv");
        if (csv.isEmpty()) {
            return Map.of();
        }
        List<String> lines = Files.readAllLines(csv.get());
        String[] header = lines.get(0).split(",");
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            for (int i = 1; i < header.length - 1 && i < cells.length; i++) {
                values.computeIfAbsent(header[i], k -> new ArrayList<>()).add(Double.parseDouble(cells[i]));
            }
        }
        Map<String, Double> typical = new HashMap<>();
        values.forEach((k, v) -> {
            if (v.stream().anyMatch(x -> x < 0)) {
                typical.put(k, Stats.median(v.stream().mapToDouble(x -> Math.abs(x)).toArray()));
            }
        });
        return typical;
    }
}

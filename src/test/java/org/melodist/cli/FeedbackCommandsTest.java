package org.melodist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.feedback.FeedbackLearning;
import org.melodist.generate.MelodyModel;
import org.melodist.generate.TinyMelodyModel;

/** learn-feedback on a log written by hand, as a user would run it. */
class FeedbackCommandsTest {

    private static String line(int seedPitch, int[] candidate, boolean accepted, String extra) {
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < candidate.length; i++) {
            c.append(i == 0 ? "" : ",").append("{\"pitch\":").append(candidate[i]).append(",\"velocity\":90,\"start\":")
                    .append(960 + i * 240).append(",\"duration\":240}");
        }
        return "{\"ppq\":480,\"timeSignature\":\"2/4\",\"seed\":[{\"pitch\":" + seedPitch + ",\"velocity\":90,\"start\":0,\"duration\":480},"
                + "{\"pitch\":" + (seedPitch + 2) + ",\"velocity\":90,\"start\":480,\"duration\":480}],\"candidate\":[" + c
                + "],\"accepted\":" + accepted + extra + "}";
    }

    @Test
    void learnFeedbackLearnsFromAHandWrittenLogAndNamesTheBadLine(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("mine.jsonl");
        String settings = ",\"settings\":{\"temperature\":0.9,\"topP\":1.0,\"key\":\"C major\"},\"model\":\"folk\"";
        Files.writeString(log, String.join("\n",
                line(60, new int[] {67, 69, 71, 72}, true, settings),
                line(60, new int[] {62, 60, 59, 60}, false, settings),
                "{\"ppq\":480,\"timeSignature\":\"2/4\",\"seed\":[",
                line(64, new int[] {69, 71, 72, 74}, true, ""),
                line(64, new int[] {64, 62, 60, 62}, false, ",\"tempoBpm\":96.0"),
                line(62, new int[] {60, 59, 57, 55}, false, "")) + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("personal");
        CliRun r = CliRun.run("learn-feedback", "--log", log.toString(), "--model", TinyMelodyModel.dir().toString(), "--out", out.toString(),
                "--held-out", "none", "--epochs", "2", "--max-minutes", "1");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("mine.jsonl line 3: not valid JSON"), r.out());
        assertTrue(r.out().contains("5 judgements (2 kept, 3 dropped) on 3 seeds, 1 lines skipped; 2 pairs, 1 judged alone"), r.out());
        try (MelodyModel m = MelodyModel.load(out)) {
            assertTrue(FeedbackLearning.isPersonal(m.config()));
            assertEquals(5, ((Number) m.config().training().get("judgements")).intValue());
            assertEquals(Boolean.FALSE, m.config().training().get("proposedFromJudgements"), "two judgements at 0.9 are too few to propose it");
            assertTrue(FeedbackLearning.proposedSettings(m.config()).isEmpty(), "so the studio leaves the musician's temperature alone");
        }
        assertTrue(Files.readString(out.resolve("MODEL_CARD.md")).contains("2 preference pairs"));
    }

    @Test
    void aMissingLogOrNoFlagsIsOneLineAndExitCode2(@TempDir Path dir) {
        CliRun missing = CliRun.run("learn-feedback", "--log", dir.resolve("nope.jsonl").toString(), "--model", TinyMelodyModel.dir().toString(),
                "--out", dir.resolve("o").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.jsonl") && missing.err().contains("not found"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertFalse(Files.exists(dir.resolve("o")));
        assertEquals(2, CliRun.run("learn-feedback", "--out", dir.toString()).code());
    }

    @Test
    void evaluateFeedbackWritesResultsJsonForEachTaste(@TempDir Path dir) throws IOException {
        java.util.Optional<Path> data = org.melodist.SharedData.data("nottingham/melody");
        org.junit.jupiter.api.Assumptions.assumeTrue(data.isPresent(), org.melodist.SharedData.missingReason("nottingham/melody"));
        Path corpus = Files.createDirectories(dir.resolve("tunes"));
        int train = 0;
        int val = 0;
        for (Path f : org.melodist.generate.MelodyCorpus.midiFiles(data.get())) {
            boolean isVal = org.melodist.generate.MelodyCorpus.isValidation(f.getFileName().toString());
            if (isVal ? val < 3 : train < 8) {
                Files.copy(f, corpus.resolve(f.getFileName()));
                if (isVal) val++; else train++;
            }
        }
        Path out = dir.resolve("eval");
        CliRun r = CliRun.run("evaluate-feedback", "--corpus", corpus.toString(), "--model", TinyMelodyModel.dir().toString(),
                "--taste", "high,stepwise", "--judgements", "24", "--eval-seeds", "3", "--variations", "4", "--bars", "1", "--seed-bars", "1",
                "--epochs", "1", "--max-minutes", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(2, json.get("tastes").size());
        assertEquals("high", json.get("tastes").get(0).get("taste").asText());
        assertEquals("stepwise", json.get("tastes").get(1).get("taste").asText());
        for (com.fasterxml.jackson.databind.JsonNode t : json.get("tastes")) {
            for (String k : new String[] {"base", "learned", "learnedAtProposedSettings", "baseAtProposedSettings"}) {
                com.fasterxml.jackson.databind.JsonNode rate = t.get(k);
                assertEquals(12, rate.get("judged").asInt(), k + " judges 4 variations of 3 new seeds: " + t);
                int kept = rate.get("kept").asInt();
                assertTrue(kept >= 0 && kept <= 12, t.toString());
                assertEquals(kept / 12.0, rate.get("rate").asDouble(), 1e-9);
            }
            assertTrue(t.get("learnedAtProposedSettings").get("temperature").asDouble() > 0, t.toString());
            assertTrue(t.get("folkNllBase").asDouble() > 0 && Double.isFinite(t.get("folkNllLearned").asDouble()), t.toString());
            assertTrue(Files.exists(out.resolve(t.get("taste").asText() + ".jsonl")), "the log is kept");
            assertTrue(Files.exists(out.resolve(t.get("taste").asText()).resolve("config.json")), "the learned model is kept");
        }
        assertTrue(r.out().contains("| high |") && r.out().contains("figures in " + out.resolve("results.json")), r.out());
    }
}

package org.melodist.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/** The feedback.jsonl contract: the exact line shape, tolerant reading, corrupt lines, appending. */
class FeedbackLogTest {

    private static FeedbackEntry entry(boolean accepted, int lastPitch) {
        return new FeedbackEntry(480, new TimeSignature(6, 8), 112.0,
                List.of(new Note(62, 100, 0, 240), new Note(64, 100, 240, 240)),
                List.of(new Note(lastPitch, 90, 1440, 480)), accepted,
                new FeedbackEntry.Settings(1.0, 0.9, Key.parse("C major")), "folk");
    }

    @Test
    void aJudgementIsOneLineInTheDocumentedShape() {
        assertEquals("{\"ppq\":480,\"timeSignature\":\"6/8\",\"tempoBpm\":112.0,"
                        + "\"seed\":[{\"pitch\":62,\"velocity\":100,\"start\":0,\"duration\":240,\"startSec\":0.0,\"endSec\":0.267857},"
                        + "{\"pitch\":64,\"velocity\":100,\"start\":240,\"duration\":240,\"startSec\":0.267857,\"endSec\":0.535714}],"
                        + "\"candidate\":[{\"pitch\":67,\"velocity\":90,\"start\":1440,\"duration\":480,\"startSec\":1.607143,\"endSec\":2.142857}],"
                        + "\"accepted\":true,\"settings\":{\"temperature\":1.0,\"topP\":0.9,\"key\":\"C major\"},\"model\":\"folk\"}",
                FeedbackLog.toJson(entry(true, 67)));
    }

    @Test
    void appendedJudgementsReadBackEqual(@TempDir Path dir) throws IOException {
        FeedbackLog log = new FeedbackLog(dir.resolve("sub/feedback.jsonl"));
        log.append(List.of(entry(true, 67), entry(false, 71)));
        log.append(List.of(entry(false, 72)));
        FeedbackLog.Read read = log.read();
        assertEquals(List.of(entry(true, 67), entry(false, 71), entry(false, 72)), read.entries());
        assertEquals(List.of(1, 2, 3), read.lines());
        assertTrue(read.problems().isEmpty());
        assertEquals(3, log.count());
        log.clear();
        assertEquals(0, log.count());
        assertFalse(Files.exists(log.file()));
    }

    @Test
    void handWrittenLinesWithoutTheOptionalFieldsStillCount(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.jsonl");
        Files.writeString(file, """
                {"ppq":96,"timeSignature":"4/4","seed":[{"pitch":60,"start":0,"duration":96}],"candidate":[{"pitch":62,"start":96,"duration":96}],"accepted":false}

                {"accepted":true,"candidate":[{"pitch":64,"velocity":80,"start":96,"duration":48,"mood":"sunny"}],"seed":[{"pitch":60,"velocity":70,"start":0,"duration":96}],"timeSignature":"3/4","ppq":96,"settings":{"temperature":0.8,"key":null},"extra":1}
                """, StandardCharsets.UTF_8);
        FeedbackLog.Read read = new FeedbackLog(file).read();
        assertTrue(read.problems().isEmpty(), read.problems().toString());
        assertEquals(2, read.entries().size());
        FeedbackEntry a = read.entries().get(0);
        assertNull(a.tempoBpm());
        assertNull(a.settings());
        assertNull(a.model());
        assertEquals(100, a.seed().get(0).velocity(), "a note without a velocity plays at 100");
        FeedbackEntry b = read.entries().get(1);
        assertEquals(new TimeSignature(3, 4), b.timeSignature());
        assertEquals(0.8, b.settings().temperature());
        assertEquals(1.0, b.settings().topP(), "a missing top-p is the default 1.0");
        assertNull(b.settings().key());
        assertEquals(List.of(1, 3), read.lines(), "line numbers count the blank line");
    }

    @Test
    void aCorruptLineGivesOneMessageNamingItsLineAndTheOthersStillCount(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feedback.jsonl");
        String good = FeedbackLog.toJson(entry(true, 67));
        Files.writeString(file, good + "\n" + "{\"ppq\":480,\"timeSignature\":\"6/8\",\"seed\":[{\"pitch\":60,\"sta" + "\n"
                + good.replace("\"accepted\":true", "\"accepted\":\"yes\"") + "\n" + good + "\n", StandardCharsets.UTF_8);
        FeedbackLog.Read read = new FeedbackLog(file).read();
        assertEquals(2, read.entries().size());
        assertEquals(List.of(1, 4), read.lines());
        assertEquals(2, read.problems().size());
        assertTrue(read.problems().get(0).startsWith("feedback.jsonl line 2: not valid JSON"), read.problems().get(0));
        assertEquals("feedback.jsonl line 3: 'accepted' is missing or not true/false; skipped", read.problems().get(1));
        for (String p : read.problems()) {
            assertFalse(p.contains("\n"), "one line each: " + p);
        }
    }

    @Test
    void aTornLastLineIsNeverGluedToTheNextJudgement(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feedback.jsonl");
        String good = FeedbackLog.toJson(entry(true, 67));
        Files.writeString(file, good + "\n" + good.substring(0, 40), StandardCharsets.UTF_8); // a writer died mid-line
        FeedbackLog log = new FeedbackLog(file);
        log.append(List.of(entry(false, 71)));
        FeedbackLog.Read read = log.read();
        assertEquals(List.of(entry(true, 67), entry(false, 71)), read.entries());
        assertEquals(1, read.problems().size());
        assertTrue(read.problems().get(0).startsWith("feedback.jsonl line 2:"), read.problems().get(0));
    }

    @Test
    void badNotesAndMetresAreNamed() {
        String line = FeedbackLog.toJson(entry(true, 67));
        assertEquals("candidate note 1: pitch 200 is outside the MIDI range 0-127",
                message(() -> FeedbackLog.parse(line.replace("\"pitch\":67", "\"pitch\":200"))));
        assertTrue(message(() -> FeedbackLog.parse(line.replace("\"6/8\"", "\"six-eight\""))).contains("six-eight"));
        assertEquals("'seed' is missing or not a list of notes", message(() -> FeedbackLog.parse("{\"ppq\":480,\"timeSignature\":\"4/4\"}")));
    }

    private static String message(Runnable r) {
        try {
            r.run();
            return "no error";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}

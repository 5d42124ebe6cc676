package org.melodist.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodist.AppPaths;
import org.melodist.ErrorMessages;
import org.melodist.song.Key;
import org.melodist.song.Note;
import org.melodist.song.TimeSignature;

/**
 * The musician's judgements, one JSON object per line (keep the shape; other tools read and write it):
 * <pre>{"ppq":480,"timeSignature":"6/8","tempoBpm":112.0,"seed":[notes],"candidate":[notes],"accepted":true,
 * "settings":{"temperature":1.0,"topP":1.0,"key":"C major"},"model":"folk"}</pre>
 * with notes as {@code midi-info --json} writes them ({@code pitch, velocity, start, duration, startSec, endSec}).
 * Reading is tolerant: {@code tempoBpm}, {@code settings}, {@code model}, a note's {@code velocity} and seconds and any
 * unknown field may be missing; a line that cannot be read is reported with its number and the others still count.
 * Appending writes whole lines under a file lock, so two writers never interleave and a torn last line from a crash is
 * never glued to the next judgement.
 */
public final class FeedbackLog {

    /** The file name in the user's data folder. */
    public static final String FILE_NAME = "feedback.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a read found: the judgements with their line numbers, and one message per line that could not be read. */
    public record Read(List<FeedbackEntry> entries, List<Integer> lines, List<String> problems) {
        public Read {
            entries = List.copyOf(entries);
            lines = List.copyOf(lines);
            problems = List.copyOf(problems);
        }
    }

    private final Path file;

    public FeedbackLog(Path file) {
        this.file = file;
    }

    /** The log in the user's data folder ({@link AppPaths#userDataDir()}). */
    public static FeedbackLog userLog() {
        return new FeedbackLog(AppPaths.userDataDir().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Reads every line; a missing file is an empty log. */
    public Read read() throws IOException {
        List<FeedbackEntry> entries = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Read(entries, lines, problems);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(parse(line));
                    lines.add(number);
                } catch (IllegalArgumentException e) {
                    problems.add(file.getFileName() + " line " + number + ": " + e.getMessage() + "; skipped");
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not a UTF-8 text file", e);
        }
        return new Read(entries, lines, problems);
    }

    /** How many judgements the log holds (lines that can be read). */
    public int count() throws IOException {
        return read().entries().size();
    }

    /** Appends the judgements as whole lines, in one write under a lock; creates the file and its folder if needed. */
    public void append(List<FeedbackEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (FeedbackEntry e : entries) {
            sb.append(toJson(e)).append('\n');
        }
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        try (FileChannel ch = FileChannel.open(abs, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            long size = ch.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                if (last.get(0) != '\n') {
                    sb.insert(0, '\n'); // the previous writer died mid-line: keep its fragment on a line of its own
                }
            }
            ByteBuffer bytes = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            long at = size;
            while (bytes.hasRemaining()) {
                at += ch.write(bytes, at);
            }
            ch.force(false);
        }
    }

    /** Forgets every judgement (deletes the file). */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    // ---- the line format ---------------------------------------------------------------------------

    /** One line of JSON for a judgement, in the documented field order. */
    public static String toJson(FeedbackEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ppq", e.ppq());
        m.put("timeSignature", e.timeSignature().toString());
        if (e.tempoBpm() != null) {
            m.put("tempoBpm", e.tempoBpm());
        }
        m.put("seed", notes(e.seed(), e));
        m.put("candidate", notes(e.candidate(), e));
        m.put("accepted", e.accepted());
        if (e.settings() != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("temperature", e.settings().temperature());
            s.put("topP", e.settings().topP());
            s.put("key", e.settings().key() == null ? null : e.settings().key().toString());
            m.put("settings", s);
        }
        if (e.model() != null) {
            m.put("model", e.model());
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write JSON", ex);
        }
    }

    private static List<Map<String, Object>> notes(List<Note> notes, FeedbackEntry e) {
        List<Map<String, Object>> out = new ArrayList<>(notes.size());
        for (Note n : notes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pitch", n.pitch());
            m.put("velocity", n.velocity());
            m.put("start", n.start());
            m.put("duration", n.duration());
            if (e.tempoBpm() != null) {
                double secondsPerTick = 60.0 / e.tempoBpm() / e.ppq();
                m.put("startSec", round(n.start() * secondsPerTick));
                m.put("endSec", round(n.end() * secondsPerTick));
            }
            out.add(m);
        }
        return out;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    /** Parses one line; every failure is an IllegalArgumentException whose message says what is wrong. */
    public static FeedbackEntry parse(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + ErrorMessages.firstLine(e.getOriginalMessage()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int ppq = requiredInt(root, "ppq");
        JsonNode ts = root.get("timeSignature");
        if (ts == null || !ts.isTextual()) {
            throw new IllegalArgumentException("'timeSignature' is missing or not a string such as \"6/8\"");
        }
        TimeSignature timeSignature = TimeSignature.parse(ts.asText());
        Double tempo = null;
        JsonNode t = root.get("tempoBpm");
        if (t != null && !t.isNull()) {
            if (!t.isNumber()) throw new IllegalArgumentException("'tempoBpm' is not a number");
            tempo = t.asDouble();
        }
        List<Note> seed = notes(root, "seed");
        List<Note> candidate = notes(root, "candidate");
        JsonNode acc = root.get("accepted");
        if (acc == null || !acc.isBoolean()) {
            throw new IllegalArgumentException("'accepted' is missing or not true/false");
        }
        FeedbackEntry.Settings settings = null;
        JsonNode s = root.get("settings");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) throw new IllegalArgumentException("'settings' is not an object");
            double temperature = optionalNumber(s, "temperature", 1.0);
            double topP = optionalNumber(s, "topP", 1.0);
            JsonNode k = s.get("key");
            Key key = k == null || k.isNull() ? null : Key.parse(k.asText());
            settings = new FeedbackEntry.Settings(temperature, topP, key);
        }
        JsonNode model = root.get("model");
        return new FeedbackEntry(ppq, timeSignature, tempo, seed, candidate, acc.asBoolean(), settings,
                model == null || model.isNull() ? null : model.asText());
    }

    private static List<Note> notes(JsonNode root, String field) {
        JsonNode arr = root.get(field);
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a list of notes");
        }
        List<Note> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonNode n = arr.get(i);
            if (!n.isObject()) {
                throw new IllegalArgumentException(field + " note " + (i + 1) + " is not an object");
            }
            try {
                JsonNode v = n.get("velocity");
                out.add(new Note(requiredInt(n, "pitch"), v == null || v.isNull() ? 100 : v.asInt(), requiredLong(n, "start"),
                        requiredLong(n, "duration")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " note " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a whole number");
        }
        return v.asInt();
    }

    private static long requiredLong(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a whole number");
        }
        return v.asLong();
    }

    private static double optionalNumber(JsonNode node, String field, double otherwise) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return otherwise;
        if (!v.isNumber()) throw new IllegalArgumentException("settings '" + field + "' is not a number");
        return v.asDouble();
    }

    /** Says a file is missing the way the CLI's one-line errors want it. */
    static NoSuchFileException missing(Path p) {
        return new NoSuchFileException(p.toString(), null, "feedback log not found");
    }
}

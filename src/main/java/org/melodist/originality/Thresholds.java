package org.melodist.originality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.melodist.AtomicFiles;

/**
 * Where the verdicts change, in shared notes of the longest passage (see {@link Calibration} for how they are
 * set): up to {@code commonplaceNotes} shared notes are what the corpus's tunes share with one another all the
 * time and do not lower originality; {@code borrowsNotes} or more is "borrows"; {@code copyNotes} or more, or
 * a passage of at least {@code borrowsNotes} covering {@code copyShare} of the query, is "copy".
 */
public record Thresholds(int commonplaceNotes, int borrowsNotes, int copyNotes, double copyShare) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Thresholds {
        if (commonplaceNotes < 1 || borrowsNotes <= commonplaceNotes || copyNotes <= borrowsNotes) {
            throw new IllegalArgumentException("thresholds must grow: commonplace " + commonplaceNotes + " < borrows "
                    + borrowsNotes + " < copy " + copyNotes);
        }
        if (!(copyShare > 0 && copyShare <= 1)) {
            throw new IllegalArgumentException("copy share " + copyShare + " is outside (0, 1]");
        }
    }

    public Verdict verdict(int sharedNotes, int queryNotes) {
        if (sharedNotes >= copyNotes || (sharedNotes >= borrowsNotes && sharedNotes >= copyShare * queryNotes)) {
            return Verdict.COPY;
        }
        return sharedNotes >= borrowsNotes ? Verdict.BORROWS : Verdict.ORIGINAL;
    }

    /** Reads the {@code thresholds} object of a calibration file written by {@link Calibration}. */
    public static Thresholds read(Path calibrationJson) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(calibrationJson.toFile());
        } catch (IOException e) {
            throw new IOException(calibrationJson + ": not a calibration file (" + org.melodist.ErrorMessages.oneLine(e) + ")", e);
        }
        JsonNode t = root == null ? null : root.get("thresholds");
        if (t == null || !t.has("commonplaceNotes") || !t.has("borrowsNotes") || !t.has("copyNotes") || !t.has("copyShare")) {
            throw new IOException(calibrationJson + ": no thresholds in this calibration file");
        }
        try {
            return new Thresholds(t.get("commonplaceNotes").asInt(), t.get("borrowsNotes").asInt(), t.get("copyNotes").asInt(),
                    t.get("copyShare").asDouble());
        } catch (IllegalArgumentException e) {
            throw new IOException(calibrationJson + ": " + e.getMessage(), e);
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commonplaceNotes", commonplaceNotes);
        m.put("borrowsNotes", borrowsNotes);
        m.put("copyNotes", copyNotes);
        m.put("copyShare", copyShare);
        return m;
    }

    static void writeJson(Path file, Map<String, Object> root) throws IOException {
        AtomicFiles.replace(file, tmp -> Files.writeString(tmp,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator()));
    }
}

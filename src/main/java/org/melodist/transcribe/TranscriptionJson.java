package org.melodist.transcribe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transcription as JSON, in the shape other tools read (keep it stable):
 * {@code {"notes":[{"pitch":69,"startSec":0.51,"endSec":0.98,"cents":-3.0,"confidence":0.93}],"tempoBpm":120.0,
 * "tuningCents":-18.0}}. Times are seconds of the input (3 decimals), cents to a tenth, confidence to 0.01.
 */
public final class TranscriptionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TranscriptionJson() {
    }

    public static Map<String, Object> toMap(Transcription t) {
        List<Map<String, Object>> notes = new ArrayList<>();
        for (TranscribedNote n : t.notes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pitch", n.pitch());
            m.put("startSec", round(n.startSec(), 1000));
            m.put("endSec", round(n.endSec(), 1000));
            m.put("cents", round(n.cents(), 10));
            m.put("confidence", round(n.confidence(), 100));
            notes.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("notes", notes);
        root.put("tempoBpm", round(t.tempoBpm(), 10));
        root.put("tuningCents", round(t.tuningCents(), 10));
        return root;
    }

    public static String toJson(Transcription t) {
        try {
            return MAPPER.writeValueAsString(toMap(t));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the transcription as JSON", e);
        }
    }

    private static double round(double x, double scale) {
        double r = Math.round(x * scale) / scale;
        return r == 0 ? 0.0 : r;
    }
}

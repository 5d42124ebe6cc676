package org.melodist.harmony;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A harmonisation as JSON, in the shape other tools read (keep it stable):
 * {@code {"key":"G major","ppq":1024,"chords":[{"startBeat":0.0,"endBeat":2.0,"startTick":0,"endTick":2048,
 * "symbol":"G","root":7,"quality":"maj"}]}}; beats are quarter notes from the start of the file, ticks in the
 * file's resolution; beats without a chord (a pickup before the first chord) are not listed.
 */
public final class HarmonyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HarmonyJson() {
    }

    public static Map<String, Object> toMap(Harmonization h) {
        int ppq = h.grid().ppq();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("key", h.key().toString());
        root.put("ppq", ppq);
        List<Map<String, Object>> chords = new ArrayList<>();
        for (ChordSpan s : h.chordSpans()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("startBeat", (double) s.startBeat());
            c.put("endBeat", (double) s.endBeat());
            c.put("startTick", (long) s.startBeat() * ppq);
            c.put("endTick", (long) s.endBeat() * ppq);
            c.put("symbol", s.chord().symbol(h.key()));
            c.put("root", s.chord().root());
            c.put("quality", s.chord().quality().jsonName());
            chords.add(c);
        }
        root.put("chords", chords);
        return root;
    }

    public static String toJson(Harmonization h) {
        try {
            return MAPPER.writeValueAsString(toMap(h));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.melodist.originality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results as JSON, in the shape other tools read (keep it stable):
 * {@code {"file","notes","originality","verdict","longestMatch":{"notes","corpusFile","queryStartBeat",
 * "corpusStartBeat","transposition"}|null,"topMatches":[{"corpusFile","score","sharedNotes"}]}}.
 */
public final class OriginalityJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OriginalityJson() {
    }

    public static Map<String, Object> toMap(OriginalityResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("notes", r.notes());
        m.put("originality", round(r.originality(), 3));
        m.put("verdict", r.verdict().word());
        SharedPassage l = r.longestMatch();
        if (l == null) {
            m.put("longestMatch", null);
        } else {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("notes", l.sharedNotes());
            lm.put("corpusFile", l.corpusFile());
            lm.put("queryStartBeat", round(l.queryStartBeat(), 3));
            lm.put("corpusStartBeat", round(l.corpusStartBeat(), 3));
            lm.put("transposition", l.transposition());
            m.put("longestMatch", lm);
        }
        List<Map<String, Object>> top = new ArrayList<>();
        for (SharedPassage p : r.topMatches()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("corpusFile", p.corpusFile());
            t.put("score", round(p.score(), 3));
            t.put("sharedNotes", p.sharedNotes());
            top.add(t);
        }
        m.put("topMatches", top);
        return m;
    }

    /** One object for one result, an array for several. */
    public static String toJson(List<OriginalityResult> results) {
        Object value = results.size() == 1 ? toMap(results.get(0)) : results.stream().map(OriginalityJson::toMap).toList();
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}

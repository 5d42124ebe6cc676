package org.melodist.midi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.melodist.song.Note;
import org.melodist.song.Song;
import org.melodist.song.TempoChange;
import org.melodist.song.Track;

/**
 * The song as JSON, in the shape other tools read (keep it stable):
 * {@code {"ppq","tempos":[{"tick","bpm"}],"timeSignature","key","tracks":[{"name","channel","program",
 * "notes":[{"pitch","velocity","start","duration","startSec","endSec"}]}]}}.
 */
public final class SongJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SongJson() {
    }

    public static Map<String, Object> toMap(Song song) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ppq", song.ppq());
        List<Map<String, Object>> tempos = new ArrayList<>();
        for (TempoChange c : song.tempoMap().changes()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("tick", c.tick());
            t.put("bpm", c.bpm());
            tempos.add(t);
        }
        root.put("tempos", tempos);
        root.put("timeSignature", song.timeSignature().toString());
        root.put("key", song.key() == null ? null : song.key().toString());
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (Track track : song.tracks()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", track.name());
            t.put("channel", track.channel());
            t.put("program", track.program());
            List<Map<String, Object>> notes = new ArrayList<>(track.notes().size());
            for (Note n : track.notes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pitch", n.pitch());
                m.put("velocity", n.velocity());
                m.put("start", n.start());
                m.put("duration", n.duration());
                m.put("startSec", round(song.seconds(n.start())));
                m.put("endSec", round(song.seconds(n.end())));
                notes.add(m);
            }
            t.put("notes", notes);
            tracks.add(t);
        }
        root.put("tracks", tracks);
        return root;
    }

    public static String toJson(Song song) {
        try {
            return MAPPER.writeValueAsString(toMap(song));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }
}

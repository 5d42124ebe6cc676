package org.melodist.harmony;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.melodist.song.Note;

/**
 * Labels each quarter-note beat with the chord sounding there in an accompaniment part: the beat is cut at
 * every note start and end, the set of pitches sounding longest within the beat is named by
 * {@link ChordTemplates}, N where nothing sounds.
 */
public final class ChordLabels {

    private ChordLabels() {
    }

    /** One match per beat {@code 0..beats-1} of {@code ppq} ticks. */
    public static ChordTemplates.Match[] label(List<Note> chordNotes, int ppq, int beats) {
        ChordTemplates.Match[] out = new ChordTemplates.Match[beats];
        List<Note> notes = new ArrayList<>(chordNotes);
        notes.sort(null);
        long longest = 0;
        for (Note n : notes) {
            longest = Math.max(longest, n.duration());
        }
        int from = 0;
        for (int b = 0; b < beats; b++) {
            long b0 = (long) b * ppq;
            long b1 = b0 + ppq;
            while (from < notes.size() && notes.get(from).start() + longest <= b0) {
                from++;
            }
            List<Note> here = new ArrayList<>();
            TreeSet<Long> cuts = new TreeSet<>(List.of(b0, b1));
            for (int i = from; i < notes.size() && notes.get(i).start() < b1; i++) {
                Note n = notes.get(i);
                if (n.end() > b0 && n.duration() > 0) {
                    here.add(n);
                    if (n.start() > b0) cuts.add(n.start());
                    if (n.end() < b1) cuts.add(n.end());
                }
            }
            Map<List<Integer>, Long> time = new LinkedHashMap<>();
            Long prev = null;
            for (long cut : cuts) {
                if (prev != null) {
                    List<Integer> sounding = new ArrayList<>();
                    for (Note n : here) {
                        if (n.start() <= prev && n.end() >= cut) sounding.add(n.pitch());
                    }
                    sounding.sort(null);
                    if (!sounding.isEmpty()) {
                        time.merge(sounding, cut - prev, Long::sum);
                    }
                }
                prev = cut;
            }
            List<Integer> best = List.of();
            long bestTime = 0;
            for (var e : time.entrySet()) {
                if (e.getValue() > bestTime) {
                    best = e.getKey();
                    bestTime = e.getValue();
                }
            }
            out[b] = ChordTemplates.name(best);
        }
        return out;
    }
}

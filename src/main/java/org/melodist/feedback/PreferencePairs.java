package org.melodist.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodist.song.Note;

/**
 * Judgements grouped by the seed they continued (same resolution, metre and seed notes): within a group every kept
 * continuation pairs with every dropped one; a group with one verdict only gives single judgements (typically a
 * Discard: all rejected). Identical kept and dropped continuations cancel and give no pair.
 */
public record PreferencePairs(List<Pair> pairs, List<FeedbackEntry> singles, int seeds) {

    /** A kept and a dropped continuation of the same seed. */
    public record Pair(FeedbackEntry chosen, FeedbackEntry rejected) {
    }

    public PreferencePairs {
        pairs = List.copyOf(pairs);
        singles = List.copyOf(singles);
    }

    public static PreferencePairs of(List<FeedbackEntry> entries) {
        Map<List<Object>, List<FeedbackEntry>> groups = new LinkedHashMap<>();
        for (FeedbackEntry e : entries) {
            groups.computeIfAbsent(seedKey(e), k -> new ArrayList<>()).add(e);
        }
        List<Pair> pairs = new ArrayList<>();
        List<FeedbackEntry> singles = new ArrayList<>();
        for (List<FeedbackEntry> g : groups.values()) {
            List<FeedbackEntry> kept = g.stream().filter(FeedbackEntry::accepted).toList();
            List<FeedbackEntry> dropped = g.stream().filter(e -> !e.accepted()).toList();
            if (kept.isEmpty() || dropped.isEmpty()) {
                singles.addAll(g);
                continue;
            }
            for (FeedbackEntry w : kept) {
                for (FeedbackEntry l : dropped) {
                    if (!sameNotes(w.candidate(), l.candidate())) {
                        pairs.add(new Pair(w, l));
                    }
                }
            }
        }
        return new PreferencePairs(pairs, singles, groups.size());
    }

    /** Velocity does not make a different seed; pitch and timing do. */
    private static List<Object> seedKey(FeedbackEntry e) {
        List<Object> key = new ArrayList<>();
        key.add(e.ppq());
        key.add(e.timeSignature());
        for (Note n : e.seed()) {
            key.add(List.of(n.pitch(), n.start(), n.duration()));
        }
        return key;
    }

    private static boolean sameNotes(List<Note> a, List<Note> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            Note x = a.get(i);
            Note y = b.get(i);
            if (x.pitch() != y.pitch() || x.start() != y.start() || x.duration() != y.duration()) return false;
        }
        return true;
    }
}

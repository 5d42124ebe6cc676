package org.melodist.originality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A shared passage laid out for a side-by-side view: the query's notes over the passage and the source's
 * notes over the same passage, transposed by the passage's transposition and moved (and scaled, when one is
 * written in other note values) onto the query's beats, so that matched notes line up. Beats are quarter
 * notes of the query's file.
 */
public record PassageComparison(String sourceFile, int transposition, List<Bar> query, List<Bar> source, double fromBeat,
                                double toBeat) {

    /** One note to draw: pitch, start and length in beats, and whether it is one of the shared notes. */
    public record Bar(int pitch, double startBeat, double lengthBeats, boolean shared) {
    }

    public PassageComparison {
        query = List.copyOf(query);
        source = List.copyOf(source);
    }

    /** Lays out {@code passage} between {@code query} and the corpus tune it came from. */
    public static PassageComparison of(Melody query, Melody corpusTune, SharedPassage passage) {
        int[] qn = passage.queryNotes();
        int[] cn = passage.corpusNotes();
        int q0 = qn[0];
        int q1 = qn[qn.length - 1];
        int c0 = cn[0];
        int c1 = cn[cn.length - 1];
        double qSpan = query.onset(q1) - query.onset(q0);
        double cSpan = corpusTune.onset(c1) - corpusTune.onset(c0);
        double scale = qSpan > 0 && cSpan > 0 ? qSpan / cSpan : 1.0;
        Set<Integer> qShared = new HashSet<>();
        Set<Integer> cShared = new HashSet<>();
        for (int i = 0; i < qn.length; i++) {
            qShared.add(qn[i]);
            cShared.add(cn[i]);
        }
        double unit = Melody.UNITS_PER_BEAT;
        List<Bar> qb = new ArrayList<>();
        for (int i = q0; i <= q1; i++) {
            qb.add(new Bar(query.pitch(i), query.onset(i) / unit, query.duration(i) / unit, qShared.contains(i)));
        }
        List<Bar> cb = new ArrayList<>();
        for (int i = c0; i <= c1; i++) {
            double start = query.onset(q0) + (corpusTune.onset(i) - corpusTune.onset(c0)) * scale;
            int pitch = Math.max(0, Math.min(127, corpusTune.pitch(i) + passage.transposition()));
            cb.add(new Bar(pitch, start / unit, corpusTune.duration(i) * scale / unit, cShared.contains(i)));
        }
        double from = query.onset(q0) / unit;
        double to = Math.max(qb.get(qb.size() - 1).startBeat() + qb.get(qb.size() - 1).lengthBeats(),
                cb.get(cb.size() - 1).startBeat() + cb.get(cb.size() - 1).lengthBeats());
        return new PassageComparison(passage.corpusFile(), passage.transposition(), qb, cb, from, to);
    }
}

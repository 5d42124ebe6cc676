package org.melodist.originality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.melodist.generate.MelodyCorpus;

/**
 * Held-out figures of the originality check. Planted copies: 32-note excerpts of indexed tunes, moved to a
 * random key and given 0, 2, 4 or 6 random single-note edits; how often the source is the top match and what
 * the verdict is. False alarms: excerpts and whole tunes that are not in the index (the melody model's
 * validation tunes, and any other folder such as the Bach chorales) and how often they are called "borrows"
 * or "copy".
 */
public final class OriginalityEvaluation {

    public static final int[] EDITS = {0, 2, 4, 6};

    /** Planted copies with {@code edits} edits: source found first, verdicts, shared notes. */
    public record Planted(int edits, int count, int sourceTop, int flagged, int copies, Calibration.Distribution shared) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("edits", edits);
            m.put("count", count);
            m.put("sourceTopMatch", sourceTop);
            m.put("borrowsOrCopy", flagged);
            m.put("copy", copies);
            m.put("sharedNotes", shared.toMap());
            return m;
        }
    }

    /** Unseen tunes: how many were called borrows / copy. */
    public record Unseen(String label, int count, int borrows, int copies, Calibration.Distribution longest) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", label);
            m.put("count", count);
            m.put("borrows", borrows);
            m.put("copy", copies);
            m.put("longestMatch", longest.toMap());
            return m;
        }
    }

    public record Result(List<Planted> planted, List<Unseen> unseen) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("planted", planted.stream().map(Planted::toMap).toList());
            m.put("unseen", unseen.stream().map(Unseen::toMap).toList());
            return m;
        }
    }

    private OriginalityEvaluation() {
    }

    /** Planted copies of {@code perLevel} random excerpts for each edit count in {@link #EDITS}. */
    public static List<Planted> planted(OriginalityIndex index, int perLevel, long seed) {
        TuneCorpus tc = index.corpus();
        List<Planted> out = new ArrayList<>();
        for (int edits : EDITS) {
            Random rng = new Random(seed + edits);
            int top = 0;
            int flagged = 0;
            int copies = 0;
            int[] shared = new int[perLevel];
            int k = 0;
            int attempts = 0;
            while (k < perLevel && attempts++ < perLevel * 100) {
                int t = rng.nextInt(tc.size());
                if (tc.noteCount(t) < Calibration.EXCERPT_NOTES + 8) {
                    continue;
                }
                Melody m = tc.melody(t);
                int from = rng.nextInt(m.size() - Calibration.EXCERPT_NOTES);
                Melody q = MelodyMutations.edit(MelodyMutations.transpose(m.slice(from, from + Calibration.EXCERPT_NOTES),
                        rng.nextInt(12) - 6), edits, rng);
                OriginalityResult r = index.check(q);
                shared[k++] = r.longestNotes();
                if (!r.topMatches().isEmpty() && r.topMatches().get(0).corpusTune() == t) {
                    top++;
                }
                if (r.verdict() != Verdict.ORIGINAL) {
                    flagged++;
                }
                if (r.verdict() == Verdict.COPY) {
                    copies++;
                }
            }
            out.add(new Planted(edits, k, top, flagged, copies, Calibration.Distribution.of(java.util.Arrays.copyOf(shared, k))));
        }
        return out;
    }

    /** Checks {@code tunes} (not in the index): as calibration excerpts, and whole. */
    public static List<Unseen> unseen(OriginalityIndex index, String label, List<Melody> tunes) {
        List<OriginalityResult> excerpts = new ArrayList<>();
        List<OriginalityResult> whole = new ArrayList<>();
        for (Melody m : tunes) {
            for (Melody e : Calibration.excerpts(m)) {
                excerpts.add(index.check(e));
            }
            whole.add(index.check(m));
        }
        return List.of(unseen(label + ", " + Calibration.EXCERPT_NOTES + "-note excerpts", excerpts),
                unseen(label + ", whole tunes", whole));
    }

    private static Unseen unseen(String label, List<OriginalityResult> rs) {
        int borrows = (int) rs.stream().filter(r -> r.verdict() == Verdict.BORROWS).count();
        int copies = (int) rs.stream().filter(r -> r.verdict() == Verdict.COPY).count();
        return new Unseen(label, rs.size(), borrows, copies,
                Calibration.Distribution.of(rs.stream().mapToInt(OriginalityResult::longestNotes).toArray()));
    }

    /** The melody model's validation tunes of {@code nottingham} (not in the shipped index). */
    public static List<Melody> validationTunes(Path nottingham) throws IOException {
        return CorpusFolders.read(List.of(nottingham), MelodyCorpus::isValidation, CorpusFolders.Progress.NONE).melodies();
    }
}

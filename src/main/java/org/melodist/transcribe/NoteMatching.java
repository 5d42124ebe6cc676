package org.melodist.transcribe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Note-level precision, recall and F1 as {@code mir_eval.transcription.precision_recall_f1_overlap} computes
 * them with {@code offset_ratio=None}: an estimated note matches a reference note when their onsets lie within
 * 50 ms and their pitches within 50 cents; each note matches at most one other (a maximum bipartite matching).
 */
public final class NoteMatching {

    public static final double ONSET_TOLERANCE_SEC = 0.05;
    public static final double PITCH_TOLERANCE_CENTS = 50;

    /** A note as the matcher sees it: onset, offset (seconds) and pitch (real MIDI number at A440). */
    public record Timed(double onsetSec, double offsetSec, double pitch) {
    }

    /** Counts of one comparison; add them up over many pieces before taking ratios. */
    public record Counts(int matched, int estimated, int reference) {
        public static final Counts ZERO = new Counts(0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(matched + o.matched, estimated + o.estimated, reference + o.reference);
        }

        public double precision() {
            return estimated == 0 ? (reference == 0 ? 1 : 0) : matched / (double) estimated;
        }

        public double recall() {
            return reference == 0 ? (estimated == 0 ? 1 : 0) : matched / (double) reference;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private NoteMatching() {
    }

    public static Counts match(List<Timed> reference, List<Timed> estimated) {
        int nr = reference.size();
        List<List<Integer>> candidates = new ArrayList<>(nr);
        for (Timed r : reference) {
            List<Integer> c = new ArrayList<>();
            for (int e = 0; e < estimated.size(); e++) {
                Timed x = estimated.get(e);
                // rounded as mir_eval does, so 0.05 s apart counts as within 50 ms despite float error
                double dt = Math.round(Math.abs(r.onsetSec() - x.onsetSec()) * 1e4) / 1e4;
                double cents = Math.abs(100 * (r.pitch() - x.pitch()));
                if (dt <= ONSET_TOLERANCE_SEC && cents <= PITCH_TOLERANCE_CENTS) {
                    c.add(e);
                }
            }
            candidates.add(c);
        }
        int[] owner = new int[estimated.size()];
        Arrays.fill(owner, -1);
        int matched = 0;
        for (int r = 0; r < nr; r++) {
            if (augment(r, candidates, owner, new boolean[estimated.size()])) {
                matched++;
            }
        }
        return new Counts(matched, estimated.size(), nr);
    }

    private static boolean augment(int r, List<List<Integer>> candidates, int[] owner, boolean[] seen) {
        for (int e : candidates.get(r)) {
            if (seen[e]) {
                continue;
            }
            seen[e] = true;
            if (owner[e] < 0 || augment(owner[e], candidates, owner, seen)) {
                owner[e] = r;
                return true;
            }
        }
        return false;
    }

    public static List<Timed> of(List<TranscribedNote> notes) {
        List<Timed> out = new ArrayList<>(notes.size());
        for (TranscribedNote n : notes) {
            out.add(new Timed(n.startSec(), n.endSec(), n.heardPitch()));
        }
        return out;
    }
}

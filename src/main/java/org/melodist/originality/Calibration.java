package org.melodist.originality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much the tunes of a corpus borrow from one another, and the verdict thresholds set against that human
 * baseline. Every tune gives excerpts of {@link #EXCERPT_NOTES} notes (from its first note and from its
 * middle), each checked against all the other tunes; the longest shared passage of each excerpt makes the
 * distribution. "Commonplace" is its median, "borrows" starts above the 90th percentile, so one human excerpt
 * in ten is called "borrows". "Copy" needs a passage of "borrows" length covering {@link #COPY_SHARE} of the
 * query (the 99th percentile of the excerpts is the whole excerpt: in a folk corpus one tune in a hundred has
 * a variant), or, whatever the query's length, a passage longer than 99 % of what whole tunes share with their
 * closest other tune (a whole tune shares a strain with another far more often than an excerpt does).
 */
public record Calibration(int tunes, int excerpts, Distribution excerpt, Distribution wholeTune, Thresholds thresholds,
                          double millis) {

    /** Notes per calibration excerpt: about eight bars of a folk tune. */
    public static final int EXCERPT_NOTES = 32;
    public static final double COPY_SHARE = 0.8;
    /** Calibration file name beside the index. */
    public static final String FILE = "calibration.json";

    /** Longest-match figures in shared notes. */
    public record Distribution(int count, double mean, int median, int p90, int p99, int max) {

        public static Distribution of(int[] values) {
            if (values.length == 0) {
                return new Distribution(0, 0, 0, 0, 0, 0);
            }
            int[] s = values.clone();
            Arrays.sort(s);
            return new Distribution(s.length, Arrays.stream(s).average().orElse(0), percentile(s, 50), percentile(s, 90),
                    percentile(s, 99), s[s.length - 1]);
        }

        /** Nearest-rank percentile of sorted values. */
        static int percentile(int[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        /** Share of values at or above {@code threshold}. */
        public static double shareAtLeast(int[] values, int threshold) {
            return values.length == 0 ? 0 : Arrays.stream(values).filter(v -> v >= threshold).count() / (double) values.length;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("mean", Math.round(mean * 100) / 100.0);
            m.put("median", median);
            m.put("p90", p90);
            m.put("p99", p99);
            m.put("max", max);
            return m;
        }
    }

    /** Told after each tune. */
    @FunctionalInterface
    public interface Progress {
        void tuneDone(int done, int total);
    }

    /** The excerpts of one tune used for calibration: from its start and from its middle (when long enough). */
    public static List<Melody> excerpts(Melody tune) {
        List<Melody> out = new ArrayList<>();
        int n = tune.size();
        if (n <= EXCERPT_NOTES) {
            out.add(tune);
            return out;
        }
        out.add(tune.slice(0, EXCERPT_NOTES));
        int mid = Math.min(n - EXCERPT_NOTES, n / 2);
        if (mid >= EXCERPT_NOTES / 2) {
            out.add(tune.slice(mid, mid + EXCERPT_NOTES));
        }
        return out;
    }

    /** Longest match of every excerpt of every tune against the other tunes of {@code index}. */
    public static int[] excerptLongestMatches(OriginalityIndex index, Progress progress) {
        TuneCorpus corpus = index.corpus();
        int[] out = new int[corpus.size() * 2];
        int k = 0;
        for (int t = 0; t < corpus.size(); t++) {
            final int self = t;
            for (Melody e : excerpts(corpus.melody(t))) {
                out[k++] = index.check(e, other -> other == self).longestNotes();
            }
            progress.tuneDone(t + 1, corpus.size());
        }
        return Arrays.copyOf(out, k);
    }

    /** Runs the calibration on the tunes of {@code corpus}. */
    public static Calibration run(TuneCorpus corpus, boolean wholeTunes, Progress progress) {
        long t0 = System.nanoTime();
        // thresholds do not change longest matches; provisional ones are replaced below
        OriginalityIndex index = OriginalityIndex.of(corpus, new Thresholds(1, 2, 3, 1.0));
        int[] excerpt = excerptLongestMatches(index, progress);
        int[] whole = new int[wholeTunes ? corpus.size() : 0];
        for (int t = 0; t < whole.length; t++) {
            final int self = t;
            whole[t] = index.check(corpus.melody(t), other -> other == self).longestNotes();
        }
        Distribution d = Distribution.of(excerpt);
        int commonplace = Math.max(1, d.median());
        int borrows = Math.max(commonplace + 1, d.p90() + 1);
        int copy = Math.max(borrows + 1, (wholeTunes ? Distribution.of(whole).p99() : d.p99()) + 1);
        return new Calibration(corpus.size(), excerpt.length, d, Distribution.of(whole),
                new Thresholds(commonplace, borrows, copy, COPY_SHARE), (System.nanoTime() - t0) / 1e6);
    }

    /** Saves the figures and thresholds as JSON (atomically). */
    public void write(Path file, String corpusDescription) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("corpus", corpusDescription);
        root.put("tunes", tunes);
        root.put("excerptNotes", EXCERPT_NOTES);
        root.put("excerpts", excerpts);
        root.put("excerptLongestMatch", excerpt.toMap());
        root.put("wholeTuneLongestMatch", wholeTune.toMap());
        root.put("thresholds", thresholds.toMap());
        Thresholds.writeJson(file, root);
    }
}

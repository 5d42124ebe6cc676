package org.melodist.originality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Checks melodies against a corpus: the n-gram index proposes the tunes sharing the most short figures with
 * the query, a local alignment of each gives its longest shared passage, and the thresholds turn the longest
 * one into a verdict. Immutable and safe to share between threads.
 */
public final class OriginalityIndex {

    /** Tunes proposed by the n-gram index for alignment. */
    static final int CANDIDATES = 48;
    /** Matches listed in a result. */
    public static final int TOP_MATCHES = 5;

    private final TuneCorpus corpus;
    private final NGramIndex grams;
    private final Thresholds thresholds;

    private OriginalityIndex(TuneCorpus corpus, NGramIndex grams, Thresholds thresholds) {
        this.corpus = corpus;
        this.grams = grams;
        this.thresholds = thresholds;
    }

    public static OriginalityIndex of(TuneCorpus corpus, Thresholds thresholds) {
        return new OriginalityIndex(corpus, NGramIndex.build(corpus), thresholds);
    }

    public TuneCorpus corpus() {
        return corpus;
    }

    public NGramIndex grams() {
        return grams;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public OriginalityIndex withThresholds(Thresholds t) {
        return new OriginalityIndex(corpus, grams, t);
    }

    public OriginalityResult check(Melody query) {
        return check(query, t -> false);
    }

    /** Checks {@code query} against every tune except those {@code exclude} accepts (e.g. the query's own tune). */
    public OriginalityResult check(Melody query, IntPredicate exclude) {
        List<SharedPassage> matches = matches(query, exclude);
        SharedPassage longest = null;
        for (SharedPassage p : matches) {
            if (p.sharedNotes() > 0 && (longest == null || p.sharedNotes() > longest.sharedNotes()
                    || (p.sharedNotes() == longest.sharedNotes() && p.score() > longest.score()))) {
                longest = p;
            }
        }
        int n = query.size();
        int shared = longest == null ? 0 : longest.sharedNotes();
        // originality: the share of query notes outside every passage longer than what tunes commonly share
        boolean[] covered = new boolean[n];
        int coveredCount = 0;
        for (SharedPassage p : matches) {
            if (p.sharedNotes() > thresholds.commonplaceNotes()) {
                for (int q : p.queryNotes()) {
                    if (!covered[q]) {
                        covered[q] = true;
                        coveredCount++;
                    }
                }
            }
        }
        double originality = n == 0 ? 1.0 : 1.0 - coveredCount / (double) n;
        List<SharedPassage> top = matches.subList(0, Math.min(TOP_MATCHES, matches.size()));
        return new OriginalityResult(query.name(), n, originality, thresholds.verdict(shared, n), longest, top);
    }

    /** The passage laid out beside its source, for a side-by-side view. */
    public PassageComparison compare(Melody query, SharedPassage passage) {
        return PassageComparison.of(query, corpus.melody(passage.corpusTune()), passage);
    }

    /** Every candidate's shared passage with {@code query}, by score (then shared notes) best first. */
    public List<SharedPassage> matches(Melody query, IntPredicate exclude) {
        short[] q = query.tokens();
        int[] cands = grams.candidates(q, CANDIDATES, exclude);
        List<SharedPassage> out = new ArrayList<>(cands.length);
        short[] tokens = corpus.tokens();
        for (int tune : cands) {
            int start = corpus.start(tune);
            LocalAligner.Alignment a = LocalAligner.align(q, tokens, start + 1, start + corpus.noteCount(tune));
            if (a.queryTokens().length == 0) {
                continue;
            }
            out.add(passage(query, tune, a, q.length));
        }
        out.sort(Comparator.comparingDouble(SharedPassage::score).reversed()
                .thenComparing(Comparator.comparingInt(SharedPassage::sharedNotes).reversed())
                .thenComparingInt(SharedPassage::corpusTune));
        return out;
    }

    private SharedPassage passage(Melody query, int tune, LocalAligner.Alignment a, int queryTokens) {
        int start = corpus.start(tune);
        // an exact token t (query) ~ k (flat corpus) matches the notes on both ends of the interval
        TreeMap<Integer, Integer> pairs = new TreeMap<>();
        for (int i = 0; i < a.queryTokens().length; i++) {
            int t = a.queryTokens()[i];
            int k = a.corpusTokens()[i] - start;
            pairs.putIfAbsent(t, k - 1);
            pairs.putIfAbsent(t + 1, k);
        }
        Map<Integer, Integer> shifts = new HashMap<>();
        for (Map.Entry<Integer, Integer> e : pairs.entrySet()) {
            shifts.merge(query.pitch(e.getKey()) - corpus.pitchAt(start + e.getValue()), 1, Integer::sum);
        }
        int transposition = 0;
        int votes = -1;
        for (Map.Entry<Integer, Integer> e : shifts.entrySet()) {
            if (e.getValue() > votes || (e.getValue() == votes && Math.abs(e.getKey()) < Math.abs(transposition))) {
                votes = e.getValue();
                transposition = e.getKey();
            }
        }
        // only notes at the passage's transposition are shared: runs that agree in intervals at another pitch
        // offset are coincidences of the alignment, not the same notes
        int[] qn = new int[votes];
        int[] cn = new int[votes];
        int i = 0;
        for (Map.Entry<Integer, Integer> e : pairs.entrySet()) {
            if (query.pitch(e.getKey()) - corpus.pitchAt(start + e.getValue()) == transposition) {
                qn[i] = e.getKey();
                cn[i] = e.getValue();
                i++;
            }
        }
        double score = Math.min(1.0, a.score() / (double) (LocalAligner.EXACT * Math.max(1, queryTokens)));
        return new SharedPassage(corpus.name(tune), tune, score, qn.length, query.onsetBeats(qn[0]),
                corpus.onsetAt(start + cn[0]) / (double) Melody.UNITS_PER_BEAT, transposition, qn, cn);
    }
}

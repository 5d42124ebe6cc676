package org.melodist.originality;

import java.util.Arrays;

/**
 * Which tunes contain which runs of {@link #N} tokens: a sorted table of distinct n-gram keys, each with the
 * list of tunes that hold it (each tune once). Finding candidates for a query counts, per tune, how many of
 * the query's distinct n-grams it shares, and keeps the tunes with the highest counts.
 */
public final class NGramIndex {

    /** Tokens per n-gram (five notes). Short enough to survive an edit every few notes. */
    public static final int N = 4;
    private static final int TUNE_BITS = 23;
    /** Most tunes one index can hold. */
    public static final int MAX_TUNES = 1 << TUNE_BITS;

    private final long[] keys;
    private final int[] offsets;
    private final int[] postings;
    private final int tunes;

    private NGramIndex(long[] keys, int[] offsets, int[] postings, int tunes) {
        this.keys = keys;
        this.offsets = offsets;
        this.postings = postings;
        this.tunes = tunes;
    }

    /** Indexes every tune of the corpus. */
    public static NGramIndex build(TuneCorpus corpus) {
        if (corpus.size() > MAX_TUNES) {
            throw new IllegalArgumentException("an index holds at most " + MAX_TUNES + " tunes, not " + corpus.size());
        }
        short[] tokens = corpus.tokens();
        int total = 0;
        for (int t = 0; t < corpus.size(); t++) {
            total += Math.max(0, corpus.noteCount(t) - 1 - N + 1);
        }
        long[] pairs = new long[total];
        int k = 0;
        for (int t = 0; t < corpus.size(); t++) {
            int from = corpus.start(t) + 1;
            int to = corpus.start(t) + corpus.noteCount(t);
            for (int i = from; i + N <= to; i++) {
                pairs[k++] = (key(tokens, i) << TUNE_BITS) | t;
            }
        }
        Arrays.sort(pairs, 0, k); // one thread: the app's other cores stay free
        // distinct (key, tune) pairs, then the keys with their offsets
        int distinctPairs = 0;
        int distinctKeys = 0;
        for (int i = 0; i < k; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                distinctPairs++;
                if (i == 0 || (pairs[i] >>> TUNE_BITS) != (pairs[i - 1] >>> TUNE_BITS)) {
                    distinctKeys++;
                }
            }
        }
        long[] keys = new long[distinctKeys];
        int[] offsets = new int[distinctKeys + 1];
        int[] postings = new int[distinctPairs];
        int p = 0;
        int kk = -1;
        for (int i = 0; i < k; i++) {
            if (i > 0 && pairs[i] == pairs[i - 1]) {
                continue;
            }
            long key = pairs[i] >>> TUNE_BITS;
            if (kk < 0 || keys[kk] != key) {
                kk++;
                keys[kk] = key;
                offsets[kk] = p;
            }
            postings[p++] = (int) (pairs[i] & (MAX_TUNES - 1));
        }
        offsets[distinctKeys] = p;
        return new NGramIndex(keys, offsets, postings, corpus.size());
    }

    static long key(short[] tokens, int from) {
        long key = 0;
        for (int j = 0; j < N; j++) {
            key = (key << MelodyTokens.BITS) | tokens[from + j];
        }
        return key;
    }

    public int tunes() {
        return tunes;
    }

    public int distinctNGrams() {
        return keys.length;
    }

    public long memoryBytes() {
        return keys.length * 8L + offsets.length * 4L + postings.length * 4L;
    }

    /**
     * The tunes that share the most distinct n-grams with {@code queryTokens}, best first, at most
     * {@code limit}; tunes for which {@code exclude} answers true are left out. Tunes sharing none are never
     * returned.
     */
    public int[] candidates(short[] queryTokens, int limit, java.util.function.IntPredicate exclude) {
        int grams = queryTokens.length - N + 1;
        if (grams <= 0 || limit <= 0) {
            return new int[0];
        }
        long[] q = new long[grams];
        for (int i = 0; i < grams; i++) {
            q[i] = key(queryTokens, i);
        }
        Arrays.sort(q);
        int[] counts = new int[tunes];
        int[] touched = new int[Math.min(tunes, 1 << 16)];
        int nTouched = 0;
        int maxCount = 0;
        for (int i = 0; i < grams; i++) {
            if (i > 0 && q[i] == q[i - 1]) {
                continue;
            }
            int at = Arrays.binarySearch(keys, q[i]);
            if (at < 0) {
                continue;
            }
            for (int p = offsets[at]; p < offsets[at + 1]; p++) {
                int t = postings[p];
                if (counts[t]++ == 0) {
                    if (nTouched == touched.length) {
                        touched = Arrays.copyOf(touched, Math.min(tunes, touched.length * 2));
                    }
                    touched[nTouched++] = t;
                }
                maxCount = Math.max(maxCount, counts[t]);
            }
        }
        // the lowest count that still makes the best `limit`, from a histogram of the counts
        int[] histogram = new int[maxCount + 1];
        int eligible = 0;
        for (int i = 0; i < nTouched; i++) {
            if (!exclude.test(touched[i])) {
                histogram[counts[touched[i]]]++;
                eligible++;
            }
        }
        int cut = 1;
        int kept = 0;
        for (int c = maxCount; c >= 1; c--) {
            kept += histogram[c];
            if (kept >= limit) {
                cut = c;
                break;
            }
        }
        long[] chosen = new long[Math.min(eligible, Math.max(limit, kept))];
        int n = 0;
        for (int i = 0; i < nTouched && n < chosen.length; i++) {
            int t = touched[i];
            if (counts[t] >= cut && !exclude.test(t)) {
                // sort key: count descending, then tune ascending
                chosen[n++] = ((long) (Integer.MAX_VALUE - counts[t]) << 32) | t;
            }
        }
        Arrays.sort(chosen, 0, n);
        int[] out = new int[Math.min(n, limit)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) chosen[i];
        }
        return out;
    }
}

package org.melodist.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A token n-gram baseline with interpolated Witten-Bell smoothing down to an add-k unigram, so every
 * token has some probability. Contexts are padded with START at the beginning of a tune, matching the
 * LSTM's view. Mutable while training; read-only (and so safe to share) afterwards.
 */
public final class NGramModel {

    private static final double UNIGRAM_ADD_K = 0.5;
    private static final int BITS = 7;

    private final int order;
    private final int vocabulary;
    /** count of (context, token), keyed by {@link #key}. */
    private final Map<Long, Integer> pairCounts = new HashMap<>();
    /** per context: {total count, distinct followers}. */
    private final Map<Long, int[]> contextStats = new HashMap<>();
    private final long[] unigram;
    private long unigramTotal;

    public NGramModel(int order, int vocabulary) {
        if (order < 1 || order > 8) {
            throw new IllegalArgumentException("n-gram order " + order + " is outside 1-8");
        }
        if (vocabulary < 2 || vocabulary >= (1 << BITS) - 1) {
            throw new IllegalArgumentException("vocabulary " + vocabulary + " does not fit the n-gram key");
        }
        this.order = order;
        this.vocabulary = vocabulary;
        this.unigram = new long[vocabulary];
    }

    public int order() {
        return order;
    }

    public void train(List<EncodedTune> tunes) {
        for (EncodedTune t : tunes) {
            train(t.tokens());
        }
    }

    public void train(int[] tokens) {
        int[] padded = pad(tokens);
        for (int i = order - 1; i < padded.length; i++) {
            int w = padded[i];
            unigram[w]++;
            unigramTotal++;
            for (int len = 1; len < order; len++) {
                long ctx = contextKey(padded, i, len);
                long k = ctx * (1L << BITS) + w;
                int c = pairCounts.merge(k, 1, Integer::sum);
                int[] stats = contextStats.computeIfAbsent(ctx, x -> new int[2]);
                stats[0]++;
                if (c == 1) stats[1]++;
            }
        }
    }

    private int[] pad(int[] tokens) {
        int[] padded = new int[tokens.length + order - 1];
        for (int i = 0; i < order - 1; i++) {
            padded[i] = MelodyEncoding.START;
        }
        System.arraycopy(tokens, 0, padded, order - 1, tokens.length);
        return padded;
    }

    /** The {@code len} tokens before position {@code i}, packed with their length so lengths never collide. */
    private static long contextKey(int[] padded, int i, int len) {
        long key = len;
        for (int j = i - len; j < i; j++) {
            key = (key << BITS) | (padded[j] + 1);
        }
        return key;
    }

    /** Fills {@code out[w]} with P(w | the tokens before position i of padded). */
    private void distribution(int[] padded, int i, double[] out) {
        for (int w = 0; w < vocabulary; w++) {
            out[w] = (unigram[w] + UNIGRAM_ADD_K) / (unigramTotal + UNIGRAM_ADD_K * vocabulary);
        }
        for (int len = 1; len < order; len++) {
            long ctx = contextKey(padded, i, len);
            int[] stats = contextStats.get(ctx);
            if (stats == null) {
                break;
            }
            double total = stats[0];
            double types = stats[1];
            for (int w = 0; w < vocabulary; w++) {
                Integer c = pairCounts.get(ctx * (1L << BITS) + w);
                out[w] = ((c == null ? 0 : c) + types * out[w]) / (total + types);
            }
        }
    }

    /** NLL (nats) summed over the tune and the number of steps whose most probable token was right. */
    public MelodyScorer.Score score(int[] tokens) {
        int[] padded = pad(tokens);
        double[] p = new double[vocabulary];
        double nll = 0;
        long correct = 0;
        for (int i = order - 1; i < padded.length; i++) {
            distribution(padded, i, p);
            int best = 0;
            for (int w = 1; w < vocabulary; w++) {
                if (p[w] > p[best]) best = w;
            }
            if (best == padded[i]) correct++;
            nll -= Math.log(p[padded[i]]);
        }
        return new MelodyScorer.Score(tokens.length, nll, correct);
    }

    public MelodyScorer.Score score(List<EncodedTune> tunes) {
        MelodyScorer.Score s = new MelodyScorer.Score(0, 0, 0);
        for (EncodedTune t : tunes) {
            s = s.plus(score(t.tokens()));
        }
        return s;
    }
}

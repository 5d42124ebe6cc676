package org.melodist.originality;

import java.util.Arrays;

/**
 * Smith-Waterman local alignment of two token sequences: the best-scoring stretch where they agree, allowing
 * a few inserted, deleted or changed notes. A token equal in interval and rhythm scores {@link #EXACT}, equal
 * in interval only {@link #SAME_INTERVAL}; other pairs cost {@link #MISMATCH}, a skipped token {@link #GAP}.
 * A changed note spoils the two intervals around it (cost 2 x 3), an inserted or deleted note one interval and
 * one gap (cost 7): a run of two or three exact tokens pays either back, while stretches where fewer than half
 * the tokens agree never extend an alignment.
 *
 * <p>The first pass keeps two rows and the start of the best path, so memory stays linear; the second aligns
 * only the rectangle of that path again with a traceback.
 */
final class LocalAligner {

    static final int EXACT = 3;
    static final int SAME_INTERVAL = 0;
    static final int MISMATCH = -3;
    static final int GAP = -4;

    private static final byte STOP = 0;
    private static final byte DIAG = 1;
    private static final byte UP = 2;
    private static final byte LEFT = 3;

    /** The best local alignment: its score and the token pairs that agree exactly (query index, corpus index). */
    record Alignment(int score, int[] queryTokens, int[] corpusTokens) {
        static final Alignment NONE = new Alignment(0, new int[0], new int[0]);
    }

    private LocalAligner() {
    }

    static int substitution(int a, int b) {
        if (a == b) {
            return EXACT;
        }
        return MelodyTokens.interval(a) == MelodyTokens.interval(b) ? SAME_INTERVAL : MISMATCH;
    }

    /**
     * Aligns {@code q} (all of it) with {@code c[cFrom..cTo)}; corpus indices in the result are indices into
     * {@code c}.
     */
    static Alignment align(short[] q, short[] c, int cFrom, int cTo) {
        int m = q.length;
        int n = cTo - cFrom;
        if (m == 0 || n <= 0) {
            return Alignment.NONE;
        }
        int[] prevH = new int[n + 1];
        int[] curH = new int[n + 1];
        int[] prevI = new int[n + 1];
        int[] prevJ = new int[n + 1];
        int[] curI = new int[n + 1];
        int[] curJ = new int[n + 1];
        int best = 0;
        int bestI = 0;
        int bestJ = 0;
        int bestSi = 0;
        int bestSj = 0;
        for (int i = 1; i <= m; i++) {
            int qi = q[i - 1];
            curH[0] = 0;
            for (int j = 1; j <= n; j++) {
                int diag = prevH[j - 1] + substitution(qi, c[cFrom + j - 1]);
                int up = prevH[j] + GAP;
                int left = curH[j - 1] + GAP;
                int h = 0;
                int si = 0;
                int sj = 0;
                if (diag > h) {
                    h = diag;
                    if (prevH[j - 1] == 0) {
                        si = i;
                        sj = j;
                    } else {
                        si = prevI[j - 1];
                        sj = prevJ[j - 1];
                    }
                }
                if (up > h) {
                    h = up;
                    si = prevI[j];
                    sj = prevJ[j];
                }
                if (left > h) {
                    h = left;
                    si = curI[j - 1];
                    sj = curJ[j - 1];
                }
                curH[j] = h;
                curI[j] = si;
                curJ[j] = sj;
                if (h > best) {
                    best = h;
                    bestI = i;
                    bestJ = j;
                    bestSi = si;
                    bestSj = sj;
                }
            }
            int[] t = prevH; prevH = curH; curH = t;
            t = prevI; prevI = curI; curI = t;
            t = prevJ; prevJ = curJ; curJ = t;
        }
        if (best <= 0) {
            return Alignment.NONE;
        }
        return traceRectangle(q, c, cFrom, bestSi, bestI, bestSj, bestJ);
    }

    /** Aligns rows si..ei and columns sj..ej (1-based, inclusive) again, keeping the traceback. */
    private static Alignment traceRectangle(short[] q, short[] c, int cFrom, int si, int ei, int sj, int ej) {
        int rows = ei - si + 1;
        int cols = ej - sj + 1;
        int[][] h = new int[rows + 1][cols + 1];
        byte[][] from = new byte[rows + 1][cols + 1];
        int best = 0;
        int bi = 0;
        int bj = 0;
        for (int i = 1; i <= rows; i++) {
            int qi = q[si + i - 2];
            for (int j = 1; j <= cols; j++) {
                int diag = h[i - 1][j - 1] + substitution(qi, c[cFrom + sj + j - 2]);
                int up = h[i - 1][j] + GAP;
                int left = h[i][j - 1] + GAP;
                int v = 0;
                byte f = STOP;
                if (diag > v) { v = diag; f = DIAG; }
                if (up > v) { v = up; f = UP; }
                if (left > v) { v = left; f = LEFT; }
                h[i][j] = v;
                from[i][j] = f;
                if (v > best) {
                    best = v;
                    bi = i;
                    bj = j;
                }
            }
        }
        int[] qt = new int[Math.min(rows, cols)];
        int[] ct = new int[qt.length];
        int k = 0;
        int i = bi;
        int j = bj;
        while (i > 0 && j > 0 && from[i][j] != STOP) {
            switch (from[i][j]) {
                case DIAG -> {
                    int qIndex = si + i - 2;
                    int cIndex = cFrom + sj + j - 2;
                    if (q[qIndex] == c[cIndex]) {
                        qt[k] = qIndex;
                        ct[k] = cIndex;
                        k++;
                    }
                    i--;
                    j--;
                }
                case UP -> i--;
                default -> j--;
            }
        }
        int[] qa = Arrays.copyOf(qt, k);
        int[] ca = Arrays.copyOf(ct, k);
        reverse(qa);
        reverse(ca);
        return new Alignment(best, qa, ca);
    }

    private static void reverse(int[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

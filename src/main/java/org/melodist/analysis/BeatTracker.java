package org.melodist.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * librosa.beat.beat_track (0.10.1) after the tempo is known (Ellis 2007 dynamic programming): the onset
 * envelope divided by its standard deviation (ddof 1), smoothed with a Gaussian of +-period frames (width
 * period/32), a cumulative score that rewards beats one period apart ({@code -tightness * log(gap/period)^2},
 * gaps from period/2 to 2 periods, tightness 100), back-tracking from the last local maximum of the cumulative
 * score above half its median, and {@code trim=True}: beats whose smoothed strength falls below half the RMS
 * of the beat strengths are removed from both ends (as librosa does, the last valid beat is dropped too).
 */
public final class BeatTracker {

    private static final double TIGHTNESS = 100.0;

    /** Beat positions in frames, in order. */
    public int[] track(double[] onset, double bpm, double framesPerSecond) {
        if (bpm <= 0 || onset.length == 0 || allZero(onset)) {
            return new int[0];
        }
        int period = (int) Math.round(framesPerSecond * 60.0 / bpm);
        period = Math.max(period, 1);
        double[] local = localScore(onset, period);
        int n = local.length;
        double localMax = Double.NEGATIVE_INFINITY;
        for (double v : local) {
            localMax = Math.max(localMax, v);
        }
        // window of candidate previous beats, relative to the current frame
        int wStart = -2 * period;
        int wEnd = (int) -Math.rint(period / 2.0);
        int wLen = wEnd - wStart + 1;
        double[] txwt = new double[wLen];
        for (int j = 0; j < wLen; j++) {
            double gap = -(wStart + j);
            double l = Math.log(gap / period);
            txwt[j] = -TIGHTNESS * l * l;
        }
        int[] backlink = new int[n];
        double[] cum = new double[n];
        boolean firstBeat = true;
        for (int i = 0; i < n; i++) {
            int w0 = wStart + i;
            int zPad = Math.max(0, Math.min(-w0, wLen));
            int bestJ = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < wLen; j++) {
                double cand = txwt[j] + (j >= zPad ? cum[w0 + j] : 0.0);
                if (cand > best) {
                    best = cand;
                    bestJ = j;
                }
            }
            cum[i] = local[i] + best;
            if (firstBeat && local[i] < 0.01 * localMax) {
                backlink[i] = -1;
            } else {
                backlink[i] = w0 + bestJ;
                firstBeat = false;
            }
        }
        List<Integer> beats = new ArrayList<>();
        int b = lastBeat(cum);
        beats.add(b);
        while (backlink[b] >= 0) {
            b = backlink[b];
            beats.add(b);
        }
        int[] ordered = new int[beats.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = beats.get(beats.size() - 1 - i);
        }
        return trim(local, ordered);
    }

    private static double[] localScore(double[] onset, int period) {
        double[] norm = onset.clone();
        double mean = Stats.mean(norm);
        double ss = 0;
        for (double v : norm) {
            ss += (v - mean) * (v - mean);
        }
        double std = norm.length > 1 ? Math.sqrt(ss / (norm.length - 1)) : 0;
        if (std > 0) {
            for (int i = 0; i < norm.length; i++) {
                norm[i] /= std;
            }
        }
        double[] window = new double[2 * period + 1];
        for (int j = -period; j <= period; j++) {
            double x = j * 32.0 / period;
            window[j + period] = Math.exp(-0.5 * x * x);
        }
        // scipy.signal.convolve(mode='same') with an odd, symmetric kernel: centred
        int n = norm.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            int from = Math.max(-period, -i);
            int to = Math.min(period, n - 1 - i);
            for (int j = from; j <= to; j++) {
                acc += norm[i + j] * window[j + period];
            }
            out[i] = acc;
        }
        return out;
    }

    /** The last frame that is a local maximum of the cumulative score above half the median of those maxima. */
    private static int lastBeat(double[] cum) {
        int n = cum.length;
        boolean[] isMax = new boolean[n];
        List<Double> maxima = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // util.localmax with edge padding: x[i] > x[i-1] and x[i] >= x[i+1]
            double prev = i > 0 ? cum[i - 1] : cum[i];
            double next = i < n - 1 ? cum[i + 1] : cum[i];
            isMax[i] = cum[i] > prev && cum[i] >= next;
            if (isMax[i]) {
                maxima.add(cum[i]);
            }
        }
        double med = maxima.isEmpty() ? Double.NaN
                : Stats.median(maxima.stream().mapToDouble(Double::doubleValue).toArray());
        int last = -1;
        for (int i = 0; i < n; i++) {
            // cumscore * maxes * 2 > med_score, with maxes as 0/1
            double v = isMax[i] ? cum[i] * 2 : 0.0;
            if (v > med) {
                last = i;
            }
        }
        return last < 0 ? n - 1 : last;
    }

    private static int[] trim(double[] local, int[] beats) {
        int m = beats.length;
        double[] boe = new double[m];
        for (int i = 0; i < m; i++) {
            boe[i] = local[beats[i]];
        }
        double[] hann5 = {0.0, 0.5, 1.0, 0.5, 0.0};
        double[] smooth = new double[m];
        for (int i = 0; i < m; i++) {
            double acc = 0;
            for (int j = -2; j <= 2; j++) {
                int k = i + j;
                if (k >= 0 && k < m) {
                    acc += boe[k] * hann5[j + 2];
                }
            }
            smooth[i] = acc;
        }
        double ms = 0;
        for (double v : smooth) {
            ms += v * v;
        }
        double threshold = 0.5 * Math.sqrt(ms / Math.max(1, m));
        int lo = -1;
        int hi = -1;
        for (int i = 0; i < m; i++) {
            if (smooth[i] > threshold) {
                if (lo < 0) {
                    lo = i;
                }
                hi = i;
            }
        }
        if (lo < 0) {
            return new int[0];
        }
        return java.util.Arrays.copyOfRange(beats, lo, hi);
    }

    private static boolean allZero(double[] x) {
        for (double v : x) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}

package org.melodist.analysis;

/**
 * Sums and sums of squares of a waveform per block of samples, so the mean and variance of any block-aligned
 * stretch (a 30-second genre window) come without keeping the waveform.
 */
public final class BlockMoments {

    private final int block;
    private final int length;
    private final double[] sum;
    private final double[] sumSq;

    /** Moments of {@code x}, or of {@code x - minus} when {@code minus} is not null. */
    BlockMoments(float[] x, float[] minus, int block) {
        this(x, minus, block, null);
    }

    /**
     * As {@link #BlockMoments(float[], float[], int)}, also writing to {@code meanVar} (when not null) the mean
     * and variance (ddof 0) of the whole signal as numpy computes them (two passes in double precision, as
     * {@link Stats#meanVar(float[])}; the difference rounded to float32 first): the whole sum rides along the
     * block sums' pass.
     */
    BlockMoments(float[] x, float[] minus, int block, double[] meanVar) {
        this.block = block;
        this.length = x.length;
        int n = (x.length + block - 1) / block;
        sum = new double[n];
        sumSq = new double[n];
        double whole = 0;
        for (int b = 0; b < n; b++) {
            int end = Math.min(x.length, (b + 1) * block);
            double s = 0;
            double q = 0;
            for (int i = b * block; i < end; i++) {
                double v = minus == null ? x[i] : (float) (x[i] - minus[i]);
                whole += v;
                s += v;
                q += v * v;
            }
            sum[b] = s;
            sumSq[b] = q;
        }
        if (meanVar != null) {
            double mean = whole / x.length;
            double ss = 0;
            for (int i = 0; i < x.length; i++) {
                double d = (minus == null ? x[i] : (float) (x[i] - minus[i])) - mean;
                ss += d * d;
            }
            meanVar[0] = mean;
            meanVar[1] = ss / x.length;
        }
    }

    /** {mean, variance (ddof 0)} over samples [from, to), both rounded down to whole blocks except the end. */
    public double[] meanVar(int fromSample, int toSample) {
        int b0 = fromSample / block;
        int b1 = Math.min(sum.length, (Math.min(toSample, length) + block - 1) / block);
        double s = 0;
        double q = 0;
        for (int b = b0; b < b1; b++) {
            s += sum[b];
            q += sumSq[b];
        }
        long count = (long) Math.min(b1 * (long) block, length) - (long) b0 * block;
        if (count <= 0) {
            return new double[] {0, 0};
        }
        double mean = s / count;
        return new double[] {mean, Math.max(0, q / count - mean * mean)};
    }
}

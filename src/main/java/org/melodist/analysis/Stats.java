package org.melodist.analysis;

import java.util.Arrays;

/** Summary statistics with numpy's conventions: variance with ddof 0, median of an even count = mean of the middle two. */
public final class Stats {

    private Stats() {
    }

    /** {mean, variance (ddof 0)} accumulated in double precision (two passes, as numpy). */
    public static double[] meanVar(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double ss = 0;
        for (float v : x) {
            double d = v - mean;
            ss += d * d;
        }
        return new double[] {mean, ss / x.length};
    }

    public static double[] meanVar(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double ss = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
        }
        return new double[] {mean, ss / x.length};
    }

    /** Mean and variance over every value of a matrix (numpy's default of flattening). */
    public static double[] meanVar(double[][] x) {
        double sum = 0;
        long count = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += v;
            }
            count += row.length;
        }
        double mean = sum / count;
        double ss = 0;
        for (double[] row : x) {
            for (double v : row) {
                double d = v - mean;
                ss += d * d;
            }
        }
        return new double[] {mean, ss / count};
    }

    public static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    public static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }
}

package org.melodist.analysis.genre;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Standardisation to zero mean and unit variance per feature. Fitted on training rows only, so that a
 * cross-validation fold never learns anything from the rows it is tested on. Variance uses ddof 0; a
 * constant feature keeps a scale of 1 so it maps to 0 instead of dividing by zero.
 */
public final class FeatureScaler implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] means;
    private final double[] scales;

    private FeatureScaler(double[] means, double[] scales) {
        this.means = means;
        this.scales = scales;
    }

    public static FeatureScaler fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot fit a scaler on no rows");
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        double[] scale = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                double dev = r[j] - mean[j];
                scale[j] += dev * dev;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            scale[j] = sd > 0 && Double.isFinite(sd) ? sd : 1.0;
        }
        return new FeatureScaler(mean, scale);
    }

    /** A scaler with given parameters, e.g. read back from a model's JSON. */
    public static FeatureScaler of(double[] means, double[] scales) {
        if (means.length != scales.length) {
            throw new IllegalArgumentException("means and scales differ in length");
        }
        for (double s : scales) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("scales must be positive and finite");
            }
        }
        return new FeatureScaler(means.clone(), scales.clone());
    }

    public double[] transform(double[] row) {
        if (row.length != means.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, scaler expects " + means.length);
        }
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - means[j]) / scales[j];
        }
        return out;
    }

    public double[][] transform(double[][] rows) {
        return Arrays.stream(rows).map(this::transform).toArray(double[][]::new);
    }

    public double[] means() {
        return means.clone();
    }

    public double[] scales() {
        return scales.clone();
    }

    public int dimension() {
        return means.length;
    }
}

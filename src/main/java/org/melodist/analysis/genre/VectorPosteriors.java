package org.melodist.analysis.genre;

import smile.classification.Classifier;

/** Probabilities from a Smile classifier that reads plain feature vectors (SVM, logistic regression). */
final class VectorPosteriors implements PosteriorModel {

    private static final long serialVersionUID = 1L;

    private final Classifier<double[]> model;
    private final int numClasses;

    VectorPosteriors(Classifier<double[]> model, int numClasses) {
        if (!model.soft()) {
            throw new IllegalArgumentException(model.getClass().getSimpleName() + " gives no probabilities");
        }
        this.model = model;
        this.numClasses = numClasses;
    }

    @Override
    public double[] posteriors(double[] scaledRow) {
        double[] p = new double[numClasses];
        model.predict(scaledRow, p);
        return p;
    }
}

package org.melodist.analysis.genre;

import java.io.Serializable;

/**
 * A fitted classifier reduced to what the genre feature needs: class probabilities for one standardised
 * feature row. Implementations must be safe to call from several threads at once.
 */
interface PosteriorModel extends Serializable {

    /** Probabilities for classes 0..k-1, summing to 1. */
    double[] posteriors(double[] scaledRow);
}

package org.melodist.analysis.genre;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.List;

import smile.classification.DataFrameClassifier;
import smile.data.Tuple;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;

/**
 * Probabilities from a Smile tree ensemble (random forest, gradient boosting), which reads named columns:
 * each row is wrapped in a tuple whose schema names the features as in training.
 */
final class TreeEnsemblePosteriors implements PosteriorModel {

    private static final long serialVersionUID = 1L;

    private final DataFrameClassifier model;
    private final String[] featureNames;
    private final int numClasses;
    /** Rebuilt after deserialisation; the Smile schema is cheap to make and not worth storing. */
    private transient StructType schema;

    TreeEnsemblePosteriors(DataFrameClassifier model, List<String> featureNames, int numClasses) {
        this.model = model;
        this.featureNames = featureNames.toArray(String[]::new);
        this.numClasses = numClasses;
        this.schema = schemaOf(this.featureNames);
    }

    static StructType schemaOf(String[] names) {
        StructField[] fields = new StructField[names.length];
        for (int i = 0; i < names.length; i++) {
            fields[i] = new StructField(names[i], DataTypes.DoubleType);
        }
        return new StructType(fields);
    }

    @Override
    public double[] posteriors(double[] scaledRow) {
        double[] p = new double[numClasses];
        model.predict(Tuple.of(scaledRow, schema), p);
        return p;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        schema = schemaOf(featureNames);
    }
}

package dev.layerhost.example.model.ols;

import dev.layerhost.example.pipeline.api.Model;
import dev.layerhost.example.pipeline.api.ModelTrainer;
import dev.layerhost.example.pipeline.api.Table;

import java.util.List;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/** Fits {@code target = b0 + b1 * x1 + ...} over every other column by ordinary least squares. */
public final class OlsTrainer implements ModelTrainer {

    @Override
    public String name() {
        return "ols";
    }

    @Override
    public Model fit(Table table, String target) {
        int targetIndex = table.indexOf(target);
        List<String> features = table.columns().stream().filter(column -> !column.equals(target)).toList();
        if (table.rows().size() <= features.size() + 1) {
            throw new IllegalArgumentException("table " + table.name() + " has " + table.rows().size()
                    + " rows: too few to fit " + (features.size() + 1) + " coefficients");
        }
        double[] observed = new double[table.rows().size()];
        double[][] inputs = new double[table.rows().size()][];
        for (int row = 0; row < observed.length; row++) {
            observed[row] = table.rows().get(row).get(targetIndex);
            inputs[row] = LinearModel.featureValues(table, row, features);
        }
        OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
        try {
            regression.newSampleData(observed, inputs);
            return new LinearModel(target, features, regression.estimateRegressionParameters(),
                    regression.calculateRSquared());
        } catch (MathIllegalArgumentException e) {
            // SingularMatrixException included: a column that is a combination of others
            throw new IllegalArgumentException("cannot fit " + target + " on table " + table.name() + ": " + e.getMessage(), e);
        }
    }
}

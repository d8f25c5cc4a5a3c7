package dev.layerhost.example.model.ols;

import dev.layerhost.example.pipeline.api.Model;
import dev.layerhost.example.pipeline.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A fitted linear model: an intercept and one coefficient per feature column. Immutable. */
final class LinearModel implements Model {

    private final String target;
    private final List<String> features;
    /** The intercept, then one coefficient per feature. */
    private final double[] coefficients;
    private final double rSquared;

    LinearModel(String target, List<String> features, double[] coefficients, double rSquared) {
        this.target = target;
        this.features = List.copyOf(features);
        this.coefficients = coefficients.clone();
        this.rSquared = rSquared;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public List<Double> predict(Table table) {
        List<Double> predictions = new ArrayList<>(table.rows().size());
        for (int row = 0; row < table.rows().size(); row++) {
            double[] values = featureValues(table, row, features);
            double prediction = coefficients[0];
            for (int feature = 0; feature < values.length; feature++) {
                prediction += coefficients[feature + 1] * values[feature];
            }
            predictions.add(prediction);
        }
        return List.copyOf(predictions);
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder(target).append(" = ").append(format(coefficients[0]));
        for (int feature = 0; feature < features.size(); feature++) {
            double coefficient = coefficients[feature + 1];
            text.append(coefficient < 0 ? " - " : " + ").append(format(Math.abs(coefficient)))
                    .append(" * ").append(features.get(feature));
        }
        return text.append(String.format(Locale.ROOT, " (least squares, R-squared %.3f)", rSquared)).toString();
    }

    static double[] featureValues(Table table, int row, List<String> features) {
        double[] values = new double[features.size()];
        for (int feature = 0; feature < values.length; feature++) {
            values[feature] = table.rows().get(row).get(table.indexOf(features.get(feature)));
        }
        return values;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}

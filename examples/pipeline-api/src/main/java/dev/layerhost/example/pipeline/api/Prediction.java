package dev.layerhost.example.pipeline.api;

import java.util.List;
import java.util.Objects;

/**
 * What a job produced, handed to an exporter: the table it read, the column it predicted, the model's
 * description and one predicted value per row. Immutable.
 *
 * @param table     the data set read
 * @param target    the predicted column, one of the table's columns
 * @param model     the model's {@link Model#describe() description}
 * @param predicted one value per row of the table
 */
public record Prediction(Table table, String target, String model, List<Double> predicted) {

    /**
     * Copies the predictions, so the value never changes.
     *
     * @param table     the data set read
     * @param target    the predicted column, one of the table's columns
     * @param model     the model's description
     * @param predicted one value per row of the table
     *
     * @throws IllegalArgumentException if the target is no column of the table, or there is not one
     *                                  prediction per row
     */
    public Prediction {
        Objects.requireNonNull(table, "table");
        table.indexOf(Objects.requireNonNull(target, "target"));
        Objects.requireNonNull(model, "model");
        predicted = List.copyOf(predicted);
        if (predicted.size() != table.rows().size()) {
            throw new IllegalArgumentException(predicted.size() + " predictions for " + table.rows().size() + " rows");
        }
    }

    /**
     * The observed values of the target column.
     *
     * @return one value per row; immutable
     */
    public List<Double> observed() {
        return table.column(target);
    }
}

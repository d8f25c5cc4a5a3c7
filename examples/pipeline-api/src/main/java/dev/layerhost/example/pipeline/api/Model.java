package dev.layerhost.example.pipeline.api;

import java.util.List;

/** A fitted model: predicts its target column for the rows of a table that has its feature columns. */
public interface Model {

    /**
     * The column it predicts.
     *
     * @return a column name of the table it was fitted on
     */
    String target();

    /**
     * The columns it predicts from.
     *
     * @return column names, in the order {@link #describe()} names them; immutable
     */
    List<String> features();

    /**
     * One prediction per row of {@code table}.
     *
     * @param table a table with every column of {@link #features()}
     * @return one value per row, in the table's order; immutable
     * @throws IllegalArgumentException if the table lacks a feature column
     */
    List<Double> predict(Table table);

    /**
     * Says what the model is, for people.
     *
     * @return one line, such as {@code price = 12.5 + 3.1 * area (R-squared 0.97)}
     */
    String describe();
}

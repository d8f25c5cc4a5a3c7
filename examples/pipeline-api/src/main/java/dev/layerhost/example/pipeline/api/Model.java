package dev.layerhost.example.pipeline.api;

import java.util.List;

/** A fitted model: predicts its target column for the rows of a table that has its feature columns. */
public interface Model {

    /** The column it predicts. */
    String target();

    /** The columns it predicts from, in the order {@link #describe()} names them. */
    List<String> features();

    /**
     * One prediction per row of {@code table}.
     *
     * @throws IllegalArgumentException if the table lacks a feature column
     */
    List<Double> predict(Table table);

    /** One line for people, such as {@code price = 12.5 + 3.1 * area (R-squared 0.97)}. */
    String describe();
}

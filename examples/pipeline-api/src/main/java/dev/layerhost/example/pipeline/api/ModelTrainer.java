package dev.layerhost.example.pipeline.api;

/**
 * A model trainer (a machine-learning platform): fits a model that predicts one column of a table from
 * the others.
 */
public interface ModelTrainer {

    /** A short name for people, such as {@code ols}. */
    String name();

    /**
     * Fits a model that predicts {@code target} from the table's other columns.
     *
     * @throws IllegalArgumentException if the table has no column {@code target}, or too few rows to fit
     */
    Model fit(Table table, String target);
}

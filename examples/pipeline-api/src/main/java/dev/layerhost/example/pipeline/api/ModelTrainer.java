package dev.layerhost.example.pipeline.api;

/**
 * A model trainer (a machine-learning platform): fits a model that predicts one column of a table from
 * the others.
 */
public interface ModelTrainer {

    /**
     * A short name for people; the plugin's id and version come from its module.
     *
     * @return a name such as {@code ols}
     */
    String name();

    /**
     * Fits a model that predicts {@code target} from the table's other columns.
     *
     * @param table  the data to fit on
     * @param target the column to predict
     * @return the fitted model
     * @throws IllegalArgumentException if the table has no column {@code target}, or too few rows to fit
     */
    Model fit(Table table, String target);
}

package dev.layerhost.api;

import java.util.List;

/**
 * A plugin category: a machine-learning platform that trains models from labelled examples, for
 * example a linear-regression engine or a bridge to an external training service.
 */
public interface MlPlatform {

    /**
     * A short, stable name that users select this platform by.
     *
     * @return the platform's name, for example {@code "linear"}
     */
    String name();

    /**
     * The version of the engine behind this platform, for the logs and the audit trail.
     *
     * @return the engine's version
     */
    String engineVersion();

    /**
     * Trains a model on {@code features} (one row per example) and {@code labels} (one per row).
     *
     * @param features one row of feature values per example
     * @param labels   the label of each row
     * @return the trained model
     * @throws IllegalArgumentException if the rows and labels do not match in number
     */
    Model train(List<double[]> features, double[] labels);
}

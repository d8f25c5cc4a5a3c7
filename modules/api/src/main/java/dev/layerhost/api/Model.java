package dev.layerhost.api;

/** A trained model, as returned by {@link MlPlatform#train}. Implementations are immutable. */
public interface Model {

    /**
     * Predicts the label of one example.
     *
     * @param features the example's feature values, as in training
     * @return the predicted label
     */
    double predict(double[] features);

    /**
     * A one-line human-readable summary of the model.
     *
     * @return the summary, for example the model's coefficients
     */
    String describe();
}

package dev.layerhost.api;

/** A trained model, as returned by {@link MlPlatform#train}. Implementations are immutable. */
public interface Model {

    /** Predicts the label of one example. */
    double predict(double[] features);

    /** A one-line human-readable summary of the model, for example its coefficients. */
    String describe();
}

package p.linear;

import dev.layerhost.api.Model;
import java.util.Locale;

/** {@code y = β0 + β1·x1 + … + βn·xn}; the coefficients are copied in and never change. */
final class LinearModel implements Model {

    private final double[] coefficients;

    LinearModel(double[] coefficients) {
        this.coefficients = coefficients.clone();
    }

    @Override
    public double predict(double[] features) {
        if (features.length != coefficients.length - 1) {
            throw new IllegalArgumentException("Expected " + (coefficients.length - 1) + " features");
        }
        double y = coefficients[0];
        for (int i = 0; i < features.length; i++) {
            y += coefficients[i + 1] * features[i];
        }
        return y;
    }

    @Override
    public String describe() {
        var text = new StringBuilder(String.format(Locale.ROOT, "y = %.4f", coefficients[0]));
        for (int i = 1; i < coefficients.length; i++) {
            text.append(String.format(Locale.ROOT, " %s %.4f*x%d", coefficients[i] < 0 ? "-" : "+",
                    Math.abs(coefficients[i]), i));
        }
        return text.toString();
    }
}

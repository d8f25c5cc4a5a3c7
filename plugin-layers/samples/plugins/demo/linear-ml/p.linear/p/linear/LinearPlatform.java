package p.linear;

import dev.layerhost.api.MlPlatform;
import dev.layerhost.api.Model;
import java.util.List;
import lib.matrix.Matrix;

/**
 * Ordinary least squares: solves the normal equations {@code (XᵀX) β = Xᵀy} with lib.matrix 1.x,
 * the private library bundled in this plugin's folder.
 */
public final class LinearPlatform implements MlPlatform {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String engineVersion() {
        // Reports the lib.matrix this plugin's layer really resolved, not the one it was built with.
        Module matrix = Matrix.class.getModule();
        String version = matrix.isNamed() ? matrix.getDescriptor().rawVersion().orElse("unversioned") : "classpath";
        return "least squares on lib.matrix " + version;
    }

    @Override
    public Model train(List<double[]> features, double[] labels) {
        if (features.size() != labels.length || features.isEmpty()) {
            throw new IllegalArgumentException(features.size() + " rows but " + labels.length + " labels");
        }
        int width = features.get(0).length;
        double[][] design = new double[features.size()][width + 1];
        for (int row = 0; row < features.size(); row++) {
            double[] example = features.get(row);
            if (example.length != width) {
                throw new IllegalArgumentException("Row " + row + " has " + example.length + " features, not " + width);
            }
            design[row][0] = 1.0;
            System.arraycopy(example, 0, design[row], 1, width);
        }
        Matrix x = Matrix.of(design);
        Matrix xt = x.transpose();
        double[] coefficients = xt.times(x).solve(xt.times(labels));
        return new LinearModel(coefficients);
    }
}

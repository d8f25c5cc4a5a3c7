package p.forest;

import dev.layerhost.api.MlPlatform;
import dev.layerhost.api.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import lib.matrix.Matrix;

/**
 * A bagged forest of regression stumps: each of {@value #TREES} stumps is fitted to a bootstrap
 * sample, and the model predicts their average. Built on lib.matrix 2.x ({@code select},
 * {@code column}), bundled in this plugin's folder next to {@code p.linear}'s lib.matrix 1.x.
 */
public final class ForestPlatform implements MlPlatform {

    private static final int TREES = 32;

    // A fixed seed: training the same data twice gives the same model, which the demo relies on.
    private static final long SEED = 20_260_101L;

    @Override
    public String name() {
        return "forest";
    }

    @Override
    public String engineVersion() {
        Module matrix = Matrix.class.getModule();
        String version = matrix.isNamed() ? matrix.getDescriptor().rawVersion().orElse("unversioned") : "classpath";
        return TREES + " bagged stumps on lib.matrix " + version;
    }

    @Override
    public Model train(List<double[]> features, double[] labels) {
        if (features.size() != labels.length || features.isEmpty()) {
            throw new IllegalArgumentException(features.size() + " rows but " + labels.length + " labels");
        }
        Matrix all = Matrix.fromRows(features);
        var random = new SplittableRandom(SEED);
        var stumps = new ArrayList<Stump>();
        for (int tree = 0; tree < TREES; tree++) {
            int[] sample = random.ints(all.rows(), 0, all.rows()).toArray();
            double[] sampleLabels = new double[sample.length];
            for (int i = 0; i < sample.length; i++) {
                sampleLabels[i] = labels[sample[i]];
            }
            stumps.add(Stump.fit(all.select(sample), sampleLabels));
        }
        return new ForestModel(stumps, all.columns());
    }
}

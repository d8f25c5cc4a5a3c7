package p.forest;

import dev.layerhost.api.Model;
import java.util.List;
import java.util.Locale;

/** The average of a fixed list of stumps; immutable. */
final class ForestModel implements Model {

    private final List<Stump> stumps;
    private final int width;

    ForestModel(List<Stump> stumps, int width) {
        this.stumps = List.copyOf(stumps);
        this.width = width;
    }

    @Override
    public double predict(double[] features) {
        if (features.length != width) {
            throw new IllegalArgumentException("Expected " + width + " features");
        }
        return stumps.stream().mapToDouble(stump -> stump.predict(features)).average().orElse(0);
    }

    @Override
    public String describe() {
        int[] splitsPerFeature = new int[width];
        stumps.forEach(stump -> splitsPerFeature[stump.feature()]++);
        int busiest = 0;
        for (int feature = 1; feature < width; feature++) {
            if (splitsPerFeature[feature] > splitsPerFeature[busiest]) {
                busiest = feature;
            }
        }
        return String.format(Locale.ROOT, "forest of %d stumps, %d of them split on x%d",
                stumps.size(), splitsPerFeature[busiest], busiest + 1);
    }
}

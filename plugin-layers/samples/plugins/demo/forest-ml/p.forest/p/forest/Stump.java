package p.forest;

import java.util.Arrays;
import lib.matrix.Matrix;

/** A one-split regression tree: {@code x[feature] <= threshold ? left : right}. */
record Stump(int feature, double threshold, double left, double right) {

    double predict(double[] features) {
        return features[feature] <= threshold ? left : right;
    }

    /** The split with the least squared error over every feature and every midpoint of its values. */
    static Stump fit(Matrix features, double[] labels) {
        double mean = Matrix.mean(labels);
        Stump best = new Stump(0, Double.POSITIVE_INFINITY, mean, mean);
        double bestError = 0;
        for (double label : labels) {
            bestError += (label - mean) * (label - mean);
        }
        for (int feature = 0; feature < features.columns(); feature++) {
            double[] column = features.column(feature);
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    continue;
                }
                double threshold = (sorted[i] + sorted[i - 1]) / 2;
                double leftSum = 0;
                double rightSum = 0;
                int leftCount = 0;
                for (int row = 0; row < column.length; row++) {
                    if (column[row] <= threshold) {
                        leftSum += labels[row];
                        leftCount++;
                    } else {
                        rightSum += labels[row];
                    }
                }
                double left = leftSum / leftCount;
                double right = rightSum / (column.length - leftCount);
                double error = 0;
                for (int row = 0; row < column.length; row++) {
                    double predicted = column[row] <= threshold ? left : right;
                    error += (labels[row] - predicted) * (labels[row] - predicted);
                }
                if (error < bestError) {
                    bestError = error;
                    best = new Stump(feature, threshold, left, right);
                }
            }
        }
        return best;
    }
}

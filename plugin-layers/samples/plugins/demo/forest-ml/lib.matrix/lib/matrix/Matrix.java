package lib.matrix;

import java.util.List;

/**
 * lib.matrix 2.3.0: a rewrite of 1.x that stores the values in one row-major array and adds row
 * selection and column views, which tree learners need. Its API is not that of 1.x ({@code of} and
 * {@code solve} are gone): a plugin built on one cannot run on the other, which is why each plugin
 * bundles its own.
 *
 * <pre>{@code
 * Matrix m = Matrix.fromRows(List.of(new double[] {1, 2}, new double[] {3, 4}));
 * double[] second = m.column(1);                 // {2, 4}
 * Matrix firstRowTwice = m.select(new int[] {0, 0});
 * }</pre>
 */
public final class Matrix {

    private final int rows;
    private final int columns;
    private final double[] values;

    private Matrix(int rows, int columns, double[] values) {
        this.rows = rows;
        this.columns = columns;
        this.values = values;
    }

    /** A matrix holding a copy of {@code rows}; every row must have the same length. */
    public static Matrix fromRows(List<double[]> rows) {
        if (rows.isEmpty() || rows.get(0).length == 0) {
            throw new IllegalArgumentException("A matrix needs at least one row and one column");
        }
        int columns = rows.get(0).length;
        double[] values = new double[rows.size() * columns];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            if (row.length != columns) {
                throw new IllegalArgumentException("Row " + r + " has " + row.length + " columns, not " + columns);
            }
            System.arraycopy(row, 0, values, r * columns, columns);
        }
        return new Matrix(rows.size(), columns, values);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public double get(int row, int column) {
        return values[row * columns + column];
    }

    /** A copy of one column. */
    public double[] column(int column) {
        double[] result = new double[rows];
        for (int r = 0; r < rows; r++) {
            result[r] = values[r * columns + column];
        }
        return result;
    }

    /** A copy of one row. */
    public double[] row(int row) {
        double[] result = new double[columns];
        System.arraycopy(values, row * columns, result, 0, columns);
        return result;
    }

    /** The rows at {@code indexes}, in that order; an index may repeat (bootstrap samples do). */
    public Matrix select(int[] indexes) {
        double[] result = new double[indexes.length * columns];
        for (int i = 0; i < indexes.length; i++) {
            System.arraycopy(values, indexes[i] * columns, result, i * columns, columns);
        }
        return new Matrix(indexes.length, columns, result);
    }

    /** The arithmetic mean of {@code vector}; 0 for an empty one. */
    public static double mean(double[] vector) {
        double sum = 0;
        for (double value : vector) {
            sum += value;
        }
        return vector.length == 0 ? 0 : sum / vector.length;
    }
}

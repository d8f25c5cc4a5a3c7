package lib.matrix;

/**
 * lib.matrix 1.0.0: a small immutable dense matrix, stored as an array of rows, with just what
 * least squares needs: product, transpose and a linear solve.
 *
 * <pre>{@code
 * Matrix a = Matrix.of(new double[][] {{2, 1}, {1, 3}});
 * double[] x = a.solve(new double[] {3, 5});   // {0.8, 1.4}
 * }</pre>
 */
public final class Matrix {

    private final double[][] rows;

    private Matrix(double[][] rows) {
        this.rows = rows;
    }

    /** A matrix holding a copy of {@code rows}; every row must have the same length. */
    public static Matrix of(double[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("A matrix needs at least one row and one column");
        }
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != rows[0].length) {
                throw new IllegalArgumentException("Row " + r + " has " + rows[r].length
                        + " columns, row 0 has " + rows[0].length);
            }
            copy[r] = rows[r].clone();
        }
        return new Matrix(copy);
    }

    public int rows() {
        return rows.length;
    }

    public int columns() {
        return rows[0].length;
    }

    public double get(int row, int column) {
        return rows[row][column];
    }

    public Matrix transpose() {
        double[][] result = new double[columns()][rows()];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columns(); c++) {
                result[c][r] = rows[r][c];
            }
        }
        return new Matrix(result);
    }

    public Matrix times(Matrix other) {
        if (columns() != other.rows()) {
            throw new IllegalArgumentException("Cannot multiply " + rows() + "x" + columns() + " by "
                    + other.rows() + "x" + other.columns());
        }
        double[][] result = new double[rows()][other.columns()];
        for (int r = 0; r < rows(); r++) {
            for (int k = 0; k < columns(); k++) {
                double left = rows[r][k];
                for (int c = 0; c < other.columns(); c++) {
                    result[r][c] += left * other.rows[k][c];
                }
            }
        }
        return new Matrix(result);
    }

    public double[] times(double[] vector) {
        if (columns() != vector.length) {
            throw new IllegalArgumentException("Vector of " + vector.length + " for " + columns() + " columns");
        }
        double[] result = new double[rows()];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columns(); c++) {
                result[r] += rows[r][c] * vector[c];
            }
        }
        return result;
    }

    /**
     * Solves {@code this * x = b} for a square matrix by Gaussian elimination with partial pivoting.
     *
     * @throws ArithmeticException if the matrix is singular
     */
    public double[] solve(double[] b) {
        int n = rows();
        if (n != columns() || b.length != n) {
            throw new IllegalArgumentException("solve needs a square matrix and a matching vector");
        }
        double[][] a = new double[n][];
        for (int r = 0; r < n; r++) {
            a[r] = new double[n + 1];
            System.arraycopy(rows[r], 0, a[r], 0, n);
            a[r][n] = b[r];
        }
        for (int pivot = 0; pivot < n; pivot++) {
            int best = pivot;
            for (int r = pivot + 1; r < n; r++) {
                if (Math.abs(a[r][pivot]) > Math.abs(a[best][pivot])) {
                    best = r;
                }
            }
            if (Math.abs(a[best][pivot]) < 1e-12) {
                throw new ArithmeticException("Singular matrix: column " + pivot + " has no pivot");
            }
            double[] swap = a[pivot];
            a[pivot] = a[best];
            a[best] = swap;
            for (int r = pivot + 1; r < n; r++) {
                double factor = a[r][pivot] / a[pivot][pivot];
                for (int c = pivot; c <= n; c++) {
                    a[r][c] -= factor * a[pivot][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }
}

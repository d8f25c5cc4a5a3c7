package dev.layerhost.example.pipeline.api;

import java.util.List;
import java.util.Objects;

/**
 * A named data set of numbers: column names and rows of one value per column. Immutable.
 *
 * <pre>{@code
 * Table houses = new Table("houses", List.of("area", "price"), List.of(List.of(70.0, 210.0)));
 * List<Double> prices = houses.column("price");
 * }</pre>
 *
 * @param name    what the data set is called (a file's name without extension, say); not blank
 * @param columns the column names, distinct; at least one
 * @param rows    the rows, each with one value per column
 */
public record Table(String name, List<String> columns, List<List<Double>> rows) {

    /**
     * Copies the lists, so the table never changes.
     *
     * @param name    what the data set is called; not blank
     * @param columns the column names, distinct; at least one
     * @param rows    the rows, each with one value per column
     *
     * @throws IllegalArgumentException if the name is blank, there are no columns, a column name repeats,
     *                                  or a row has not one value per column
     */
    public Table {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a table needs a name");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no columns");
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("table " + name + " names a column twice: " + columns);
        }
        rows = rows.stream().map(List::copyOf).toList();
        for (int row = 0; row < rows.size(); row++) {
            if (rows.get(row).size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": row " + (row + 1) + " has "
                        + rows.get(row).size() + " values for " + columns.size() + " columns");
            }
        }
    }

    /**
     * The values of one column.
     *
     * @param column a column name
     * @return its values, top to bottom; immutable
     * @throws IllegalArgumentException if the table has no such column
     */
    public List<Double> column(String column) {
        int index = indexOf(column);
        return rows.stream().map(row -> row.get(index)).toList();
    }

    /**
     * The position of a column.
     *
     * @param column a column name
     * @return its index in {@link #columns()} and in each row
     * @throws IllegalArgumentException if the table has no such column
     */
    public int indexOf(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("table " + name + " has no column " + column + " (it has " + columns + ")");
        }
        return index;
    }
}

package dev.layerhost.example.source.csv;

import dev.layerhost.example.pipeline.api.Table;
import dev.layerhost.example.pipeline.api.TableSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file whose first line names the columns and whose other lines hold one number per
 * column. Blank lines and lines starting with {@code #} are skipped; fields are trimmed. The table is
 * named after the file, without its extension.
 */
public final class CsvSource implements TableSource {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> columns = null;
        List<List<Double>> rows = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
            if (columns == null) {
                columns = fields;
                continue;
            }
            if (fields.size() != columns.size()) {
                throw new IllegalArgumentException(file.getFileName() + " line " + number + ": " + fields.size()
                        + " fields for " + columns.size() + " columns");
            }
            rows.add(numbers(fields, columns, file, number));
        }
        if (columns == null) {
            throw new IllegalArgumentException(file.getFileName() + ": no header line");
        }
        return new Table(tableName(file), columns, rows);
    }

    private static List<Double> numbers(List<String> fields, List<String> columns, Path file, int number) {
        List<Double> values = new ArrayList<>(fields.size());
        for (int column = 0; column < fields.size(); column++) {
            try {
                values.add(Double.parseDouble(fields.get(column)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + number + ": '" + fields.get(column)
                        + "' in column " + columns.get(column) + " is not a number");
            }
        }
        return values;
    }

    private static String tableName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

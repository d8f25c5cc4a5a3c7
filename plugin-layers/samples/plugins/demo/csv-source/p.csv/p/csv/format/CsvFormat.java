package p.csv.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes)
 * into records. Exported, so that other plugins can read CSV the same way; {@code p.warehouse}
 * does. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * List<Map<String, Object>> rows = CsvFormat.comma().records("name,age\nAda,36\n", 10);
 * // [{name=Ada, age=36}] with age a Long
 * }</pre>
 */
public final class CsvFormat {

    private final char delimiter;

    private CsvFormat(char delimiter) {
        this.delimiter = delimiter;
    }

    /** The usual comma-separated format. */
    public static CsvFormat comma() {
        return new CsvFormat(',');
    }

    /** A format separated by {@code delimiter}, for example {@code ';'} or a tab. */
    public static CsvFormat of(char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("A quote or line break cannot separate fields");
        }
        return new CsvFormat(delimiter);
    }

    /**
     * Reads the first line as column names and up to {@code limit} further lines as records. Values
     * become {@code Long}, {@code Double} or {@code Boolean} where they look like one, else stay
     * text; an empty field is {@code null}. Each record keeps the column order.
     */
    public List<Map<String, Object>> records(String text, int limit) {
        List<List<String>> rows = rows(text);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        var records = new ArrayList<Map<String, Object>>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (records.size() >= limit) {
                break;
            }
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("Row " + (records.size() + 2) + " has " + row.size()
                        + " fields, the header " + header.size());
            }
            var record = new LinkedHashMap<String, Object>();
            for (int column = 0; column < header.size(); column++) {
                record.put(header.get(column), convert(row.get(column)));
            }
            records.add(Collections.unmodifiableMap(record));
        }
        return List.copyOf(records);
    }

    /** Splits {@code text} into rows of raw fields; blank lines are skipped. */
    public List<List<String>> rows(String text) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                fieldStarted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (fieldStarted || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(List.copyOf(row));
                }
                row.clear();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unterminated quoted field at the end of the text");
        }
        if (fieldStarted || field.length() > 0) {
            row.add(field.toString());
            rows.add(List.copyOf(row));
        }
        return List.copyOf(rows);
    }

    private static Object convert(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException notWhole) {
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException notNumber) {
                return value;
            }
        }
    }
}

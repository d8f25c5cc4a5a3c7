package acme.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal CSV reader: a header line, then one record per line; no quoting. */
public final class Csv {

    private Csv() {
    }

    /** The records of {@code text}, each a map from the header's names to the line's values, in order. */
    public static List<Map<String, Object>> parse(String text) {
        String[] lines = text.split("\n");
        String[] header = lines[0].split(",");
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] values = lines[i].split(",");
            Map<String, Object> record = new LinkedHashMap<>();
            for (int column = 0; column < header.length; column++) {
                record.put(header[column], column < values.length ? values[column] : "");
            }
            records.add(record);
        }
        return records;
    }
}

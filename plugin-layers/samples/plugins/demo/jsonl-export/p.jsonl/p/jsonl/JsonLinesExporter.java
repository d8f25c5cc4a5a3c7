package p.jsonl;

import dev.layerhost.api.Exporter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON lines (one JSON object per record, {@code \n}-terminated). Keys are sorted, so the same
 * records always give the same text whatever map they came in. Numbers that JSON cannot hold (NaN,
 * infinities) become {@code null}.
 */
public final class JsonLinesExporter implements Exporter {

    @Override
    public String format() {
        return "jsonl";
    }

    @Override
    public String export(List<Map<String, Object>> records) {
        var out = new StringBuilder();
        for (Map<String, Object> record : records) {
            writeValue(record, out);
            out.append('\n');
        }
        return out.toString();
    }

    private static void writeValue(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            out.append(Double.isFinite(number) ? value.toString() : "null");
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            var sorted = new TreeMap<String, Object>();
            map.forEach((key, entry) -> sorted.put(String.valueOf(key), entry));
            String separator = "";
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.append(separator);
                writeString(entry.getKey(), out);
                out.append(':');
                writeValue(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                writeValue(item, out);
                separator = ",";
            }
            out.append(']');
        } else {
            writeString(value.toString(), out);
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

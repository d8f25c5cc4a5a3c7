package lib.json;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** lib.json 2.0.0: nested values and arrays; {@code object} now sorts its keys. */
public final class Json {

    private Json() {
    }

    /** {@code {"k":v,...}} with sorted keys and any JSON value. */
    public static String object(Map<String, ?> fields) {
        var out = new StringBuilder("{");
        new TreeMap<String, Object>(fields).forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(key)).append(':').append(value(value));
        });
        return out.append('}').toString();
    }

    /** {@code [a,b,...]} of already rendered JSON texts. */
    public static String array(Collection<String> renderedItems) {
        return "[" + String.join(",", renderedItems) + "]";
    }

    /** Renders a string, number, boolean, null, map or collection as JSON. */
    public static String value(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> map) {
            var fields = new TreeMap<String, Object>();
            map.forEach((key, item) -> fields.put(String.valueOf(key), item));
            return object(fields);
        }
        if (value instanceof Collection<?> items) {
            return array(items.stream().map(Json::value).toList());
        }
        return quote(value.toString());
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

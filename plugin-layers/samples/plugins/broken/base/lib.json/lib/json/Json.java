package lib.json;

import java.util.Map;

/** lib.json 1.0.0: flat JSON objects of strings, nothing more. */
public final class Json {

    private Json() {
    }

    /** {@code {"k":"v",...}} in the map's iteration order. */
    public static String object(Map<String, String> fields) {
        var out = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(key)).append(':').append(quote(value));
        });
        return out.append('}').toString();
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

package acme.csv;

import acme.text.Csv;
import dev.layerhost.api.DataSource;

import java.util.List;
import java.util.Map;

// tag::provider[]
/** Reads comma-separated records; {@code test:sample} is a small table of its own. */
public final class CsvSource implements DataSource, AutoCloseable {

    private static final String SAMPLE = "x,y\n1,2\n2,4\n3,6\n";

    public CsvSource() {                 // ServiceLoader needs a public no-argument constructor
    }                                    // (or a public static provider() method)

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<String> schemes() {
        return List.of("test");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        if (!location.equals("test:sample")) {
            throw new IllegalArgumentException("No such table: " + location);
        }
        return Csv.parse(SAMPLE).stream().limit(limit).toList();
    }

    @Override
    public void close() {                // called when this plugin stops serving: replaced, unloaded, host closed
        // stop threads, close files and connections this provider opened
    }
}
// end::provider[]

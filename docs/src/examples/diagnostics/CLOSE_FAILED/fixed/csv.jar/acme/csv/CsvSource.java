package acme.csv;

import java.util.List;
import java.util.Map;

public class CsvSource implements dev.layerhost.api.DataSource, AutoCloseable {

    private final ThreadLocalCache cache = new ThreadLocalCache();

    public String name() { return "csv"; }
    public List<String> schemes() { return List.of("file"); }
    public List<Map<String, Object>> read(String location, int limit) { return List.of(); }

    // tag::close[]
    @Override
    public void close() {
        if (cache.isOpen()) {            // close only what was opened, and never throw
            cache.flush();
        }
    }
    // end::close[]

    static final class ThreadLocalCache {
        boolean isOpen() {
            return false;
        }

        void flush() {
        }
    }
}

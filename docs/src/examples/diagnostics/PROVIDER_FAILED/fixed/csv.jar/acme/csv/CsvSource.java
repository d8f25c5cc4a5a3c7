package acme.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public class CsvSource implements dev.layerhost.api.DataSource {

    // tag::provider[]
    public CsvSource() {
        // nothing that can fail: the configuration is read when the host asks for data
    }

    private static String separator() {
        Path conf = Path.of("acme-csv.conf");
        try {
            return Files.exists(conf) ? Files.readString(conf).strip() : ",";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    // end::provider[]

    public String name() { return "csv"; }
    public List<String> schemes() { return List.of("file"); }
    public List<Map<String, Object>> read(String location, int limit) { return List.of(Map.of("separator", separator())); }
}

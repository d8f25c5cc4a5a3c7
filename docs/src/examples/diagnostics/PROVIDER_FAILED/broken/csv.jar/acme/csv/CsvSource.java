package acme.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public class CsvSource implements dev.layerhost.api.DataSource {

    // tag::provider[]
    private final String separator;

    public CsvSource() {
        // throws when the file is missing: the plugin is FAILED, the host goes on
        try {
            separator = Files.readString(Path.of("acme-csv.conf")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    // end::provider[]

    public String name() { return "csv"; }
    public List<String> schemes() { return List.of("file"); }
    public List<Map<String, Object>> read(String location, int limit) { return List.of(); }
}

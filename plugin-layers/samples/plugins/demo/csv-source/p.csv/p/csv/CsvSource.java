package p.csv;

import dev.layerhost.api.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import p.csv.format.CsvFormat;

/**
 * Reads CSV files ({@code file:/data/cities.csv} or a plain path) and a built-in sample
 * ({@code sample:cities}), so the demo works without any files.
 */
public final class CsvSource implements DataSource {

    private static final String CITIES = """
            city,country,population,latitude,longitude,capital
            Tokyo,Japan,37194000,35.6897,139.6922,true
            "Washington, D.C.",United States,5379184,38.9047,-77.0163,true
            São Paulo,Brazil,22620000,-23.5504,-46.6339,false
            Lagos,Nigeria,15388000,6.4550,3.3841,false
            Zürich,Switzerland,434335,47.3744,8.5411,false
            "Reykjavík (""smoky bay"")",Iceland,139875,64.1470,-21.9408,true
            """;

    private final CsvFormat format = CsvFormat.comma();

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<String> schemes() {
        return List.of("file", "sample");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        if (location.equals("sample:cities")) {
            return format.records(CITIES, limit);
        }
        if (location.startsWith("sample:")) {
            throw new IllegalArgumentException("No sample " + location + "; try sample:cities");
        }
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        try {
            return format.records(Files.readString(file), limit);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV " + file, e);
        }
    }
}

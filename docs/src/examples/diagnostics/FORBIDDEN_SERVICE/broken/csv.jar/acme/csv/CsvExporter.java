package acme.csv;

import java.util.List;
import java.util.Map;

public class CsvExporter implements dev.layerhost.api.Exporter {
    public String format() { return "csv"; }
    public String export(List<Map<String, Object>> records) { return ""; }
}

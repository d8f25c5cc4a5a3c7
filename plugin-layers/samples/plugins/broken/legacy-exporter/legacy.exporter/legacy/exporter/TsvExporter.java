package legacy.exporter;

import dev.layerhost.api.Exporter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tab-separated values, from a jar without module-info: found through
 * {@code META-INF/services/dev.layerhost.api.Exporter}, named {@code legacy.exporter} by its
 * manifest's {@code Automatic-Module-Name}. It works, with the warning {@code AUTOMATIC_MODULE}.
 */
public final class TsvExporter implements Exporter {

    @Override
    public String format() {
        return "tsv";
    }

    @Override
    public String export(List<Map<String, Object>> records) {
        Set<String> columns = new LinkedHashSet<>();
        records.forEach(record -> columns.addAll(record.keySet()));
        var out = new StringBuilder(String.join("\t", columns)).append('\n');
        for (Map<String, Object> record : records) {
            var cells = new ArrayList<String>();
            for (String column : columns) {
                Object value = record.get(column);
                cells.add(value == null ? "" : value.toString().replaceAll("[\t\n\r]", " "));
            }
            out.append(String.join("\t", cells)).append('\n');
        }
        return out.toString();
    }
}

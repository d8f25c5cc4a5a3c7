package p.vc;

import dev.layerhost.api.Exporter;
import java.util.List;
import java.util.Map;
import lib.json.Json;
import p.base.catalog.Catalog;

/**
 * Exports records as one JSON array, each with the p.base catalog attached. It requires p.base
 * (which brings lib.json 1.0.0 through {@code requires transitive}) and lib.json itself, bundled
 * in its folder as 2.0.0 for {@code Json.array}: this plugin would read two versions of lib.json,
 * {@code VERSION_CONFLICT}.
 */
public final class CatalogExporter implements Exporter {

    @Override
    public String format() {
        return "catalog-json";
    }

    @Override
    public String export(List<Map<String, Object>> records) {
        return Json.array(List.of(Json.value(records), Catalog.standard().toJson()));
    }
}

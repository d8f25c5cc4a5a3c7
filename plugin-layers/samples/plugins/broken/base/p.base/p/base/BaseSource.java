package p.base;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;
import p.base.catalog.Catalog;

/**
 * A sound plugin with an exported catalog API that {@code requires transitive lib.json}
 * (1.0.0, bundled in its folder): every plugin that requires p.base reads that lib.json too.
 */
public final class BaseSource implements DataSource {

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("catalog", Catalog.standard().toJson()));

    @Override
    public String name() {
        return "base";
    }

    @Override
    public List<String> schemes() {
        return List.of("base");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

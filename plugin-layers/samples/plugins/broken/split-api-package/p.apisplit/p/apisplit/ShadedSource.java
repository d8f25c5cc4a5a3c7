package p.apisplit;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

/**
 * Implements the shaded copy of {@code DataSource} that this same jar carries.
 */
public final class ShadedSource implements DataSource {

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("note", "unreachable: dev.layerhost.api is split"));

    @Override
    public String name() {
        return "shaded";
    }

    @Override
    public List<String> schemes() {
        return List.of("shaded");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

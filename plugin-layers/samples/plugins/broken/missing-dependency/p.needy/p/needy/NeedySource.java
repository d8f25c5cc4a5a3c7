package p.needy;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

/**
 * Requires {@code lib.absent}, which is in no entry, not in the API layer and not in the
 * runtime: {@code MISSING_DEPENDENCY}. (It was compiled against an empty stand-in module.)
 */
public final class NeedySource implements DataSource {

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("note", "unreachable: lib.absent is missing"));

    @Override
    public String name() {
        return "needy";
    }

    @Override
    public List<String> schemes() {
        return List.of("needy");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

package p.cycb;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

/**
 * Requires plugin {@code p.cyca}, which requires this one back: {@code DEPENDENCY_CYCLE}.
 */
public final class CycleBSource implements DataSource {

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("note", "unreachable: p.cycb -> p.cyca -> p.cycb"));

    @Override
    public String name() {
        return "cycle-b";
    }

    @Override
    public List<String> schemes() {
        return List.of("cycle-b");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

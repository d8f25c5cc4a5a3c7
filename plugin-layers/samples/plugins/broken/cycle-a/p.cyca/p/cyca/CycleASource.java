package p.cyca;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

/**
 * Requires plugin {@code p.cycb}, which requires this one back: {@code DEPENDENCY_CYCLE}.
 */
public final class CycleASource implements DataSource {

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("note", "unreachable: p.cyca -> p.cycb -> p.cyca"));

    @Override
    public String name() {
        return "cycle-a";
    }

    @Override
    public List<String> schemes() {
        return List.of("cycle-a");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

package p.onrejected;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

/**
 * Sound in itself, but requires plugin {@code p.needy}, which is rejected for its missing
 * lib.absent: {@code DEPENDENCY_REJECTED}.
 */
public final class OnRejectedSource implements DataSource {

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("note", "unreachable: p.needy is rejected"));

    @Override
    public String name() {
        return "on-rejected";
    }

    @Override
    public List<String> schemes() {
        return List.of("on-rejected");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

package p.dup;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

/**
 * Plugin {@code p.dup}, installed twice: as {@code dup-a.jar} (1.0.0) and in the folder
 * {@code dup-b/} (1.1.0), as happens when an upgrade is copied next to the old version
 * instead of over it. Two entries hold one plugin id: {@code DUPLICATE_PLUGIN}.
 */
public final class DupSource implements DataSource {

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("plugin", DupSource.class.getModule().getDescriptor().toNameAndVersion()));

    @Override
    public String name() {
        return "dup";
    }

    @Override
    public List<String> schemes() {
        return List.of("dup");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

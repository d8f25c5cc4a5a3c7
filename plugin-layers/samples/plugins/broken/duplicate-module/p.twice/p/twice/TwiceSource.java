package p.twice;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;
import lib.twice.Twice;

/**
 * A sound plugin whose folder holds lib.twice twice (1.0.0 and 1.1.0), as after an
 * upgrade that forgot to delete the old jar: {@code DUPLICATE_MODULE}.
 */
public final class TwiceSource implements DataSource {

    private static final List<Map<String, Object>> RECORDS = List.of(Map.of("greeting", Twice.greeting()));

    @Override
    public String name() {
        return "twice";
    }

    @Override
    public List<String> schemes() {
        return List.of("twice");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

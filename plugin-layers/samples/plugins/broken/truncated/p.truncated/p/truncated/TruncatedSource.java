package p.truncated;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

/**
 * A sound data source whose jar the sample build then cuts short, as an interrupted
 * download would: the host reports {@code INVALID_ARCHIVE} and never gets this far.
 */
public final class TruncatedSource implements DataSource {

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("note", "unreachable: the jar is truncated"));

    @Override
    public String name() {
        return "truncated";
    }

    @Override
    public List<String> schemes() {
        return List.of("truncated");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

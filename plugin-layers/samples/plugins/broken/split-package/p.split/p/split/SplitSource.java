package p.split;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;
import shared.util.Strings;

/**
 * Contains package {@code shared.util} and requires {@code lib.split}, which exports
 * {@code shared.util} too; one layer cannot hold a package in two modules: {@code SPLIT_PACKAGE}.
 * (javac refuses this against the real lib.split, so the sample build compiles it against an
 * empty stand-in module.)
 */
public final class SplitSource implements DataSource {

    private static final List<Map<String, Object>> RECORDS =
            List.of(Map.of("trimmed", Strings.trim("  split  ")));

    @Override
    public String name() {
        return "split";
    }

    @Override
    public List<String> schemes() {
        return List.of("split");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return RECORDS.stream().limit(limit).toList();
    }
}

package lonely.plugin;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

public final class LonelySource implements DataSource {
    @Override
    public String name() {
        return "lonely";
    }

    @Override
    public List<String> schemes() {
        return List.of("lonely");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return List.of();
    }
}

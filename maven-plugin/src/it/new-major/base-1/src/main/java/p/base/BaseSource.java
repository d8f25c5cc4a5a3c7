package p.base;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

public final class BaseSource implements DataSource {
    @Override
    public String name() {
        return "base";
    }

    @Override
    public List<String> schemes() {
        return List.of("base");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return List.of(Map.of("generation", Base.generation()));
    }
}

package p.dep;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;
import p.base.Base;

public final class DepSource implements DataSource {
    @Override
    public String name() {
        return "dep";
    }

    @Override
    public List<String> schemes() {
        return List.of("dep");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return List.of(Map.of("base", Base.generation()));
    }
}

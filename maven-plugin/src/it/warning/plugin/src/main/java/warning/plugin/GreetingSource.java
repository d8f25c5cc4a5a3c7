package warning.plugin;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;
import warning.library.Greeting;

public final class GreetingSource implements DataSource {
    @Override
    public String name() {
        return "greeting";
    }

    @Override
    public List<String> schemes() {
        return List.of("greeting");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return List.of(Map.of("text", Greeting.of(location)));
    }
}

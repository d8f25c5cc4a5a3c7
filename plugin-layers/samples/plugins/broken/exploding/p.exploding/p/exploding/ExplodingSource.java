package p.exploding;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

/**
 * Sound as far as any check can see, but its constructor throws, like a connector that needs
 * configuration it does not get. Only {@code load} runs it: the plugin is {@code FAILED} with
 * {@code PROVIDER_FAILED}, and every other plugin still loads.
 */
public final class ExplodingSource implements DataSource {

    public ExplodingSource() {
        throw new IllegalStateException("exploding on purpose: no connection string configured");
    }

    @Override
    public String name() {
        return "exploding";
    }

    @Override
    public List<String> schemes() {
        return List.of("jdbc");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return List.of();
    }
}

package p.noprovider;

import dev.layerhost.api.DataSource;
import java.util.List;
import java.util.Map;

/**
 * A complete data source that nobody can find: the module declares no {@code provides} clause
 * (the author forgot it), so ServiceLoader never sees this class and the host reports
 * {@code NO_PROVIDER} for the entry.
 */
public final class ForgottenSource implements DataSource {

    @Override
    public String name() {
        return "forgotten";
    }

    @Override
    public List<String> schemes() {
        return List.of("forgotten");
    }

    @Override
    public List<Map<String, Object>> read(String location, int limit) {
        return List.of();
    }
}

package own.plugin;

import dev.layerhost.api.nine.Nine;

public final class NineImpl implements Nine {
    @Override
    public int nine() {
        return 9;
    }
}

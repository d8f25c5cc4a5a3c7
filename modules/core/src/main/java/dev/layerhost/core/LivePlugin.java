package dev.layerhost.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin that is serving now.
 *
 * @param id       the plugin's id
 * @param version  the live version, empty when the module has none
 * @param source   its entry in the root
 * @param services the API service types it provides (binary names), sorted
 */
public record LivePlugin(String id, Optional<String> version, String source, List<String> services) {

    /**
     * Checks that no component is null, and copies the list.
     *
     * @param id       the plugin's id
     * @param version  the live version, or empty
     * @param source   its entry in the root
     * @param services the API service types it provides
     */
    public LivePlugin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        services = List.copyOf(services);
    }

    /**
     * The plugin's categories.
     *
     * @return the simple names of the service types it provides, sorted and without repeats ({@code ["DataSource"]})
     */
    public List<String> categories() {
        return PluginReport.categoriesOf(services);
    }

    /**
     * Whether it provides a service type.
     *
     * @param type a service type's binary name ({@code dev.layerhost.api.DataSource})
     * @return whether the plugin provides it
     */
    public boolean provides(String type) {
        return services.contains(Objects.requireNonNull(type, "type"));
    }
}

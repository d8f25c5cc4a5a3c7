package dev.layerhost.core.internal.load;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Provider instances that no longer serve, and must be told so: those of a plugin that was replaced or
 * unloaded, or those a failed build had made before another provider of the plugin threw.
 *
 * @param id        the plugin's id
 * @param version   the plugin's version, if it has one
 * @param source    its entry in the plugin root
 * @param instances the provider instances, in the order they were made
 */
public record RetiredPlugin(String id, Optional<String> version, String source, List<Object> instances) {

    public RetiredPlugin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        instances = List.copyOf(instances);
    }

    /** The instances of a plugin that served until now; from now on it makes no more. */
    public static RetiredPlugin of(LoadedPlugin plugin) {
        return new RetiredPlugin(plugin.id(), plugin.version(), plugin.source(), plugin.providers().retire());
    }
}

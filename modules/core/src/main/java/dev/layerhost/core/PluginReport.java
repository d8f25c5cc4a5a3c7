package dev.layerhost.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin candidate of a plugin root and its status.
 *
 * @param id       the plugin's id (its module's name); empty when the entry holds no readable plugin module
 * @param version  the plugin module's version, empty when it has none
 * @param status   the plugin's status
 * @param source   the name of the plugin's entry in the root: a folder name or a jar file name
 * @param services the API service types the plugin provides, sorted
 * @param modules  the modules of the plugin's layer (or, for a rejected plugin, of its entry), sorted by name
 */
public record PluginReport(Optional<String> id, Optional<String> version, PluginStatus status, String source,
                           List<String> services, List<ModuleSummary> modules) {

    /**
     * Checks that no component is null, and copies the lists.
     *
     * @param id       the plugin's id, or empty
     * @param version  the plugin module's version, or empty
     * @param status   the plugin's status
     * @param source   the name of the plugin's entry in the root
     * @param services the API service types the plugin provides
     * @param modules  the modules of the plugin's layer or entry
     */
    public PluginReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        services = List.copyOf(services);
        modules = List.copyOf(modules);
    }
}

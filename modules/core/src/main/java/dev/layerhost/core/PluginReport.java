package dev.layerhost.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One plugin candidate of a plugin root and its status.
 *
 * @param id       the plugin's id (its module's name); empty when the entry holds no readable plugin module
 * @param version  the plugin module's version, empty when it has none
 * @param status   the plugin's status
 * @param source   the name of the plugin's entry in the root: a folder name or a jar file name
 * @param services the API service types the plugin provides (binary names), sorted
 * @param modules  the modules of the plugin's layer (or, for a rejected or disabled plugin, of its entry),
 *                 sorted by name
 * @param metadata what the plugin module's jar manifest says about it; empty when it says nothing or the
 *                 entry holds no plugin module
 */
public record PluginReport(Optional<String> id, Optional<String> version, PluginStatus status, String source,
                           List<String> services, List<ModuleSummary> modules, PluginMetadata metadata) {

    /**
     * Checks that no component is null, and copies the lists.
     *
     * @param id       the plugin's id, or empty
     * @param version  the plugin module's version, or empty
     * @param status   the plugin's status
     * @param source   the name of the plugin's entry in the root
     * @param services the API service types the plugin provides
     * @param modules  the modules of the plugin's layer or entry
     * @param metadata what the plugin's manifest says about it
     */
    public PluginReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        services = List.copyOf(services);
        modules = List.copyOf(modules);
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * A report without metadata.
     *
     * @param id       the plugin's id, or empty
     * @param version  the plugin module's version, or empty
     * @param status   the plugin's status
     * @param source   the name of the plugin's entry in the root
     * @param services the API service types the plugin provides
     * @param modules  the modules of the plugin's layer or entry
     */
    public PluginReport(Optional<String> id, Optional<String> version, PluginStatus status, String source,
                        List<String> services, List<ModuleSummary> modules) {
        this(id, version, status, source, services, modules, PluginMetadata.empty());
    }

    /**
     * The plugin's categories: the simple names of the service types it provides, sorted and without
     * repeats.
     *
     * @return {@code ["DataSource"]} for a plugin that provides {@code dev.layerhost.api.DataSource}
     */
    public List<String> categories() {
        return categoriesOf(services);
    }

    /**
     * Whether the plugin provides a service type.
     *
     * @param type a service type's binary name ({@code dev.layerhost.api.DataSource})
     * @return whether the plugin provides it
     */
    public boolean provides(String type) {
        return services.contains(Objects.requireNonNull(type, "type"));
    }

    /** The simple names of {@code serviceTypes} (binary names), sorted and without repeats. */
    static List<String> categoriesOf(List<String> serviceTypes) {
        TreeSet<String> names = new TreeSet<>();
        for (String type : serviceTypes) {
            names.add(simpleName(type));
        }
        return List.copyOf(names);
    }

    /**
     * The simple name of a type's binary name, which is the category a service type gives a plugin and
     * the short name by which {@code list --service} accepts it: {@code a.b.Outer$Inner} is {@code Inner}.
     *
     * @param binaryName a type's binary name, such as {@code dev.layerhost.api.DataSource}
     * @return what follows its last {@code .} or {@code $}; the whole name when it has neither
     */
    public static String simpleName(String binaryName) {
        int cut = Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$'));
        return binaryName.substring(cut + 1);
    }
}

package dev.layerhost.core;

import java.lang.module.ModuleDescriptor;
import java.util.Objects;
import java.util.Optional;

/**
 * A module's name and version, as a plugin report or the layer graph shows it.
 *
 * @param name    the module name
 * @param version the module version, empty when the module has none
 */
public record ModuleSummary(String name, Optional<String> version) implements Comparable<ModuleSummary> {

    /**
     * Checks that no component is null.
     *
     * @param name    the module name
     * @param version the module version, or empty
     */
    public ModuleSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The name and version of {@code descriptor}.
     *
     * @param descriptor a module's descriptor
     * @return its name and raw version
     */
    public static ModuleSummary of(ModuleDescriptor descriptor) {
        return new ModuleSummary(descriptor.name(), descriptor.rawVersion());
    }

    @Override
    public int compareTo(ModuleSummary other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : version.orElse("").compareTo(other.version.orElse(""));
    }

    /** {@code name@version}, or just the name when there is no version. */
    @Override
    public String toString() {
        return version.map(v -> name + "@" + v).orElse(name);
    }
}

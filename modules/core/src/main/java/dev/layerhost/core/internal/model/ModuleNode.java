package dev.layerhost.core.internal.model;

import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A module as the checker's resolver sees it. Nodes compare by identity, like the JDK's
 * {@code ResolvedModule}s: two copies of one module name in two configurations are two nodes.
 */
public final class ModuleNode {

    private final ModuleDescriptor descriptor;
    private final String origin;
    private final boolean runtime;
    private final Optional<String> file;
    // The descriptor's clauses in a fixed order (see Descriptors), worked out once: the nodes of the API
    // layer and the runtime are read by every check of every plugin.
    private final List<Requires> requires;
    private final List<String> packages;
    private final List<Exports> exports;
    private final List<String> exportedToAll;

    /**
     * @param descriptor the module's descriptor
     * @param origin     where the module comes from, for messages: a plugin's id, {@code "api"} or {@code "runtime"}
     * @param runtime    whether the runtime image defines it (its version then tracks the JDK's)
     * @param file       for a module of a plugin entry, its jar as the entry names it ({@code "alpha/lib-x.jar"})
     */
    public ModuleNode(ModuleDescriptor descriptor, String origin, boolean runtime, Optional<String> file) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.runtime = runtime;
        this.file = Objects.requireNonNull(file, "file");
        this.requires = Descriptors.requires(descriptor);
        this.packages = Descriptors.packages(descriptor);
        this.exports = Descriptors.exports(descriptor);
        this.exportedToAll = descriptor.isAutomatic() ? packages
                : exports.stream().filter(e -> !e.isQualified()).map(Exports::source).toList();
    }

    /** The module's {@code requires}, sorted. */
    public List<Requires> requires() {
        return requires;
    }

    /** The module's packages, sorted. */
    public List<String> packages() {
        return packages;
    }

    /**
     * The packages the module exports to {@code reader}, sorted: all of them for an automatic module; only
     * the unqualified exports when {@code reader} is empty.
     */
    public List<String> exportedTo(Optional<String> reader) {
        if (reader.isEmpty() || descriptor.isAutomatic()) {
            return exportedToAll;
        }
        return exports.stream()
                .filter(e -> !e.isQualified() || e.targets().contains(reader.get()))
                .map(Exports::source)
                .toList();
    }

    public ModuleDescriptor descriptor() {
        return descriptor;
    }

    public String name() {
        return descriptor.name();
    }

    public String origin() {
        return origin;
    }

    public boolean runtime() {
        return runtime;
    }

    /** Where a person finds the module: its jar in the plugin root, or else its origin ("api", "runtime"). */
    public String location() {
        return file.orElse(origin);
    }

    public String versionOrNone() {
        return descriptor.rawVersion().orElse("(no version)");
    }

    @Override
    public String toString() {
        return name() + "@" + versionOrNone() + " from " + origin;
    }
}

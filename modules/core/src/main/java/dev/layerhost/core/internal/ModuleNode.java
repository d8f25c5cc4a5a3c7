package dev.layerhost.core.internal;

import java.lang.module.ModuleDescriptor;
import java.util.Objects;
import java.util.Optional;

/**
 * A module as the checker's resolver sees it. Nodes compare by identity, like the JDK's
 * {@code ResolvedModule}s: two copies of one module name in two configurations are two nodes.
 */
final class ModuleNode {

    private final ModuleDescriptor descriptor;
    private final String origin;
    private final boolean runtime;
    private final Optional<String> file;

    /**
     * @param descriptor the module's descriptor
     * @param origin     where the module comes from, for messages: a plugin's id, {@code "api"} or {@code "runtime"}
     * @param runtime    whether the runtime image defines it (its version then tracks the JDK's)
     * @param file       for a module of a plugin entry, its jar as the entry names it ({@code "alpha/lib-x.jar"})
     */
    ModuleNode(ModuleDescriptor descriptor, String origin, boolean runtime, Optional<String> file) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.runtime = runtime;
        this.file = Objects.requireNonNull(file, "file");
    }

    ModuleDescriptor descriptor() {
        return descriptor;
    }

    String name() {
        return descriptor.name();
    }

    String origin() {
        return origin;
    }

    boolean runtime() {
        return runtime;
    }

    /** Where a person finds the module: its jar in the plugin root, or else its origin ("api", "runtime"). */
    String location() {
        return file.orElse(origin);
    }

    String versionOrNone() {
        return descriptor.rawVersion().orElse("(no version)");
    }

    @Override
    public String toString() {
        return name() + "@" + versionOrNone() + " from " + origin;
    }
}

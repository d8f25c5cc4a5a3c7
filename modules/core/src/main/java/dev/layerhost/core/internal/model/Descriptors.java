package dev.layerhost.core.internal.model;

import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleDescriptor;
import java.util.List;

/**
 * A module descriptor's clauses in a fixed order. The descriptor's own sets iterate in an order that
 * changes from one JVM run to the next; every walk whose result depends on the order (which of three
 * suppliers of a package is named first, which cycle a search finds) goes through here, so that two
 * runs over the same files report the same diagnostics.
 */
public final class Descriptors {

    private Descriptors() {
    }

    public static List<Requires> requires(ModuleDescriptor descriptor) {
        return descriptor.requires().stream().sorted().toList();
    }

    public static List<Exports> exports(ModuleDescriptor descriptor) {
        return descriptor.exports().stream().sorted().toList();
    }

    public static List<String> packages(ModuleDescriptor descriptor) {
        return descriptor.packages().stream().sorted().toList();
    }

    public static List<String> uses(ModuleDescriptor descriptor) {
        return descriptor.uses().stream().sorted().toList();
    }

    public static List<Provides> provides(ModuleDescriptor descriptor) {
        return descriptor.provides().stream().sorted().toList();
    }
}

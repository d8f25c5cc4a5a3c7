package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.ModuleNode;
import dev.layerhost.core.internal.scan.Entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code ModuleLayer.defineModulesWithOneLoader} checks only when it defines a layer
 * ({@code jdk.internal.loader.Loader}), checked on descriptors: the layer's one class loader cannot hold
 * a package in two of its modules, nor import one package from two modules of other layers (two class
 * loaders), even when no single module of the layer reads both; and, stricter than the JDK, nor import a
 * package that one of its own modules holds.
 */
final class OneLoaderCheck {

    private final ConflictNames names;

    public OneLoaderCheck(ConflictNames names) {
        this.names = names;
    }

    /** The problems of {@code configuration}'s one loader, given what each of its modules reads. */
    public List<Diagnostic> check(ModelConfiguration configuration, Map<ModuleNode, Set<ModuleNode>> reads) {
        Map<String, Diagnostic> found = new TreeMap<>();
        Map<String, ModuleNode> local = new HashMap<>();
        for (ModuleNode module : configuration.modules()) {
            for (String packageName : module.packages()) {
                ModuleNode other = local.putIfAbsent(packageName, module);
                if (other != null) {
                    add(found, packageName, other, module);
                }
            }
        }
        Map<String, ModuleNode> imported = new HashMap<>();
        for (ModuleNode module : configuration.modules()) {
            for (ModuleNode read : reads.get(module)) {
                if (configuration.ownModule(read.name()).orElse(null) == read) {
                    continue;
                }
                // the loader imports what other layers' modules export to everyone; qualified exports do not count
                for (String packageName : read.exportedTo(Optional.empty())) {
                    ModuleNode other = imported.putIfAbsent(packageName, read);
                    if (other != null && other != read) {
                        add(found, packageName, other, read);
                    }
                }
            }
        }
        // Beyond the JDK, which defines such a layer: its loader finds a class of a package it holds itself
        // before it looks in other layers, so a module that reads the package from a parent layer would get
        // the local copy's classes, or none (ClassNotFoundException once plugin code runs).
        for (Map.Entry<String, ModuleNode> shadowed : new TreeMap<>(imported).entrySet()) {
            ModuleNode owner = local.get(shadowed.getKey());
            if (owner != null) {
                add(found, shadowed.getKey(), owner, shadowed.getValue());
            }
        }
        return List.copyOf(found.values());
    }

    private void add(Map<String, Diagnostic> found, String packageName, ModuleNode first, ModuleNode second) {
        if (first.name().equals(second.name())) {
            // Two copies of one module, each read by another module of the layer: the plugin reads two versions.
            found.putIfAbsent("V:" + first.name(), names.twoVersions(names.pluginId(), first, second));
            return;
        }
        found.putIfAbsent(packageName + ":" + ConflictNames.byName(first, second),
                names.splitPackage(packageName, first, second));
    }
}

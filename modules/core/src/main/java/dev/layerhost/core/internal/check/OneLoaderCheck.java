package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.check.ConflictKey.LoaderSplitPackageKey;
import dev.layerhost.core.internal.check.ConflictKey.LoaderTwoVersionsKey;
import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.ModuleNode;

import java.util.ArrayList;
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

    /** Module {@code module} offers package {@code packageName} to the loader. */
    private record Offer(String packageName, ModuleNode module) {
    }

    /**
     * The module the loader takes each package from, the first that offers it; and the conflicts with
     * the other modules that offer it.
     */
    private record Supply(Map<String, ModuleNode> firstByPackage, List<Conflict> conflicts) {
    }

    /** The problems of {@code configuration}'s one loader, given what each of its modules reads. */
    public List<Diagnostic> check(ModelConfiguration configuration, Map<ModuleNode, Set<ModuleNode>> reads) {
        Supply local = supply(ownPackages(configuration));
        Supply imported = supply(importedPackages(configuration, reads));
        List<Conflict> found = new ArrayList<>(local.conflicts());
        found.addAll(imported.conflicts());
        found.addAll(shadowedImports(local.firstByPackage(), imported.firstByPackage()));
        return Conflict.firstOfEachKey(found);
    }

    private static List<Offer> ownPackages(ModelConfiguration configuration) {
        List<Offer> offers = new ArrayList<>();
        for (ModuleNode module : configuration.modules()) {
            for (String packageName : module.packages()) {
                offers.add(new Offer(packageName, module));
            }
        }
        return offers;
    }

    private static List<Offer> importedPackages(ModelConfiguration configuration,
                                                Map<ModuleNode, Set<ModuleNode>> reads) {
        List<Offer> offers = new ArrayList<>();
        for (ModuleNode module : configuration.modules()) {
            for (ModuleNode read : reads.get(module)) {
                if (configuration.ownModule(read.name()).orElse(null) == read) {
                    continue;
                }
                // the loader imports what other layers' modules export to everyone; qualified exports do not count
                for (String packageName : read.exportedTo(Optional.empty())) {
                    offers.add(new Offer(packageName, read));
                }
            }
        }
        return offers;
    }

    private Supply supply(List<Offer> offers) {
        Map<String, ModuleNode> firstByPackage = new HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Offer offer : offers) {
            ModuleNode first = firstByPackage.putIfAbsent(offer.packageName(), offer.module());
            // one module read by several of the layer's modules offers its packages again: no conflict
            if (first != null && first != offer.module()) {
                conflicts.add(conflict(offer.packageName(), first, offer.module()));
            }
        }
        return new Supply(firstByPackage, conflicts);
    }

    /**
     * Beyond the JDK, which defines such a layer: its loader finds a class of a package it holds itself
     * before it looks in other layers, so a module that reads the package from a parent layer would get
     * the local copy's classes, or none ({@code ClassNotFoundException} once plugin code runs).
     */
    private List<Conflict> shadowedImports(Map<String, ModuleNode> local, Map<String, ModuleNode> imported) {
        List<Conflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, ModuleNode> shadowed : new TreeMap<>(imported).entrySet()) {
            ModuleNode owner = local.get(shadowed.getKey());
            if (owner != null) {
                conflicts.add(conflict(shadowed.getKey(), owner, shadowed.getValue()));
            }
        }
        return conflicts;
    }

    private Conflict conflict(String packageName, ModuleNode first, ModuleNode second) {
        if (first.name().equals(second.name())) {
            // Two copies of one module, each read by another module of the layer: the plugin reads two versions.
            return new Conflict(new LoaderTwoVersionsKey(first.name()),
                    names.twoVersions(names.pluginId(), first, second));
        }
        return new Conflict(new LoaderSplitPackageKey(packageName, ConflictNames.byName(first, second)),
                names.splitPackage(packageName, first, second));
    }
}

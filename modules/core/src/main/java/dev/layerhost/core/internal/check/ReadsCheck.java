package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.check.ConflictKey.IneffectiveExportKey;
import dev.layerhost.core.internal.check.ConflictKey.ShadowedApiKey;
import dev.layerhost.core.internal.check.ConflictKey.SplitPackageKey;
import dev.layerhost.core.internal.check.ConflictKey.TwoVersionsKey;
import dev.layerhost.core.internal.check.ConflictKey.UnreadTypeKey;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.model.Descriptors;
import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.ModuleNode;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * As the JDK's {@code Resolver.checkExportSuppliers}, and then the host's API rule: for every module of
 * a plugin's layer, no two modules it reads may have one name, no package may reach it from two modules
 * (its own packages included), its {@code uses} and {@code provides} types must be readable, and the
 * plugin's API service types must come from the API layer.
 */
final class ReadsCheck {

    private final ConflictNames names;
    private final ApiLayer api;
    private final List<String> services;

    /**
     * @param names    names the conflicts of the plugin's layer
     * @param api      the API layer
     * @param services the API service types the plugin module provides
     */
    ReadsCheck(ConflictNames names, ApiLayer api, List<String> services) {
        this.names = names;
        this.api = api;
        this.services = List.copyOf(services);
    }

    /**
     * The modules a module reads each package from: its own packages, then the first module it reads that
     * exports the package to it; and the conflicts met on the way.
     */
    private record Suppliers(Map<String, ModuleNode> byPackage, List<Conflict> conflicts) {
    }

    /** The problems of what {@code configuration}'s modules read, given {@code reads}. */
    List<Diagnostic> check(ModelConfiguration configuration, Map<ModuleNode, Set<ModuleNode>> reads) {
        List<Conflict> found = new ArrayList<>();
        for (ModuleNode module : configuration.modules()) {
            Suppliers suppliers = suppliers(module, reads.get(module));
            found.addAll(suppliers.conflicts());
            Map<String, ModuleNode> qualifiedOnly = qualifiedOnlyFromOtherLayers(configuration, module, reads);
            found.addAll(ineffectiveExports(module, qualifiedOnly));
            found.addAll(unreadTypes(module, suppliers.byPackage(), qualifiedOnly));
            if (module.name().equals(names.pluginId())) {
                // A split service package is reported as a split, not also as a shadowed API. The splits
                // that count are those met so far: in the modules sorted before the plugin's, and in its own.
                shadowedApi(suppliers.byPackage(), splitPackages(found)).ifPresent(found::add);
            }
        }
        return Conflict.firstOfEachKey(found);
    }

    private Suppliers suppliers(ModuleNode module, Set<ModuleNode> read) {
        List<Conflict> conflicts = new ArrayList<>();
        Map<String, ModuleNode> readByName = new HashMap<>();
        readByName.put(module.name(), module);
        Map<String, ModuleNode> byPackage = new HashMap<>();
        for (String packageName : module.packages()) {
            byPackage.put(packageName, module);
        }
        for (ModuleNode other : read) {
            ModuleNode sameName = readByName.putIfAbsent(other.name(), other);
            if (sameName != null && sameName != other) {
                conflicts.add(new Conflict(new TwoVersionsKey(module.name(), other.name()),
                        names.twoVersions(module.name(), sameName, other)));
            }
            for (String packageName : other.exportedTo(Optional.of(module.name()))) {
                ModuleNode supplier = byPackage.putIfAbsent(packageName, other);
                // Two copies of one module name are a VERSION_CONFLICT, reported above; their shared packages are no news.
                if (supplier != null && supplier != other && !supplier.name().equals(other.name())) {
                    conflicts.add(new Conflict(new SplitPackageKey(packageName, ConflictNames.byName(supplier, other)),
                            names.splitPackage(packageName, supplier, other)));
                }
            }
        }
        return new Suppliers(byPackage, conflicts);
    }

    private List<Conflict> ineffectiveExports(ModuleNode module, Map<String, ModuleNode> qualifiedOnly) {
        List<Conflict> conflicts = new ArrayList<>();
        qualifiedOnly.forEach((packageName, exporter) -> conflicts.add(new Conflict(
                new IneffectiveExportKey(module.name(), packageName),
                Diagnostics.ineffectiveExport(names.source(), names.pluginId(), module.name(), packageName,
                        exporter.name()))));
        return conflicts;
    }

    /** The {@code uses} and {@code provides} types of {@code module} it cannot reach. */
    private List<Conflict> unreadTypes(ModuleNode module, Map<String, ModuleNode> suppliers,
                                       Map<String, ModuleNode> qualifiedOnly) {
        ModuleDescriptor descriptor = module.descriptor();
        List<Conflict> conflicts = new ArrayList<>();
        if (descriptor.isAutomatic()) {
            return conflicts;
        }
        for (String service : Descriptors.uses(descriptor)) {
            unreadType(module, "uses", service, suppliers, qualifiedOnly).ifPresent(conflicts::add);
        }
        for (ModuleDescriptor.Provides provides : Descriptors.provides(descriptor)) {
            unreadType(module, "provides", provides.service(), suppliers, qualifiedOnly).ifPresent(conflicts::add);
        }
        return conflicts;
    }

    private Optional<Conflict> unreadType(ModuleNode module, String clause, String type,
                                          Map<String, ModuleNode> suppliers, Map<String, ModuleNode> qualifiedOnly) {
        String packageName = ApiLayer.packageOf(type);
        ModuleNode supplier = suppliers.get(packageName);
        UnreadTypeKey key = new UnreadTypeKey(module.name(), packageName);
        if (supplier == null) {
            return Optional.of(new Conflict(key, Diagnostics.inFile(Diagnostics.unreadPackage(names.source(),
                    names.pluginId(), module.name(), clause, type, packageName), module.location())));
        }
        if (qualifiedOnly.get(packageName) == supplier) {
            // Stricter than the JDK's resolver, which counts the export: the type is out of reach at run time.
            return Optional.of(new Conflict(key, Diagnostics.inFile(Diagnostics.exportNotAcrossLayers(names.source(),
                    names.pluginId(), module.name(), clause, type, packageName, supplier.name()), module.location())));
        }
        return Optional.empty();
    }

    /**
     * The packages that modules of other layers export to {@code module} only by a qualified export, by
     * exporter. The JDK resolves with them, but a layer's modules get a parent layer's qualified exports
     * only when they are in that layer or below it in the parent chain: never a child layer's module.
     */
    private static Map<String, ModuleNode> qualifiedOnlyFromOtherLayers(ModelConfiguration configuration,
                                                                        ModuleNode module,
                                                                        Map<ModuleNode, Set<ModuleNode>> reads) {
        Map<String, ModuleNode> qualifiedOnly = new TreeMap<>();
        for (ModuleNode read : reads.get(module)) {
            if (configuration.ownModule(read.name()).orElse(null) == read) {
                continue;
            }
            List<String> toAll = read.exportedTo(Optional.empty());
            for (String packageName : read.exportedTo(Optional.of(module.name()))) {
                if (!toAll.contains(packageName)) {
                    qualifiedOnly.putIfAbsent(packageName, read);
                }
            }
        }
        return qualifiedOnly;
    }

    private static Set<String> splitPackages(List<Conflict> found) {
        return found.stream()
                .map(Conflict::key)
                .filter(SplitPackageKey.class::isInstance)
                .map(key -> ((SplitPackageKey) key).packageName())
                .collect(Collectors.toSet());
    }

    /**
     * A module of the entry that shadows the plugin's API service types, given the plugin module's
     * {@code suppliers}: none when one of the types comes from the API layer, or when one is unreadable
     * or split (reported as such).
     */
    private Optional<Conflict> shadowedApi(Map<String, ModuleNode> suppliers, Set<String> splitPackages) {
        List<ModuleNode> apiNodes = api.apiNodes();
        boolean providesApiType = false;
        String shadow = null;
        String shadowedService = null;
        for (String service : services) {
            String packageName = ApiLayer.packageOf(service);
            ModuleNode supplier = suppliers.get(packageName);
            if (supplier == null || splitPackages.contains(packageName)) {
                return Optional.empty();
            }
            if (apiNodes.stream().anyMatch(node -> node == supplier)) {
                providesApiType = true;
            } else {
                shadow = supplier.name();
                shadowedService = service;
            }
        }
        if (providesApiType || shadow == null) {
            return Optional.empty();
        }
        return Optional.of(new Conflict(new ShadowedApiKey(shadow),
                Diagnostics.shadowedApi(names.source(), names.pluginId(), shadowedService, shadow)));
    }
}

package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.model.Descriptors;
import dev.layerhost.core.internal.model.MajorVersion;
import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.ModuleNode;
import dev.layerhost.core.internal.model.ReadabilityGraph;

import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves one plugin's layer from descriptors alone, the way {@code Configuration.resolve} would with
 * the entry's modules as the "before" finder, the parent plugins' and the API layer's configurations as
 * parents and an empty "after" finder, and reports every reason the JDK would refuse it, plus the
 * host's own stricter rules (compiled-version majors, denied modules, a shadowed API module).
 *
 * <p>It mirrors the JDK's {@code java.lang.module.Resolver}: the same search order for a dependence, the
 * same readability graph (implied readability through {@code requires transitive}, automatic modules
 * that read everything), the same checks on what each module reads. Unlike the JDK it does not stop
 * at the first problem.
 */
final class PluginResolution {

    private final EntryFacts facts;
    private final Map<String, ModelConfiguration> soundPlugins;
    private final Map<String, String> moduleOwners;
    private final ApiLayer api;
    private final Policy policy;
    private final String pluginId;
    private final String source;
    private final ConflictNames conflicts;

    /**
     * @param facts        the plugin's entry; it has a plugin module and every jar of it was readable
     * @param soundPlugins the modelled configurations of the sound plugins resolved so far, by id
     * @param moduleOwners for every module name held by some entry, the source of one entry holding it
     * @param api          the API layer
     * @param policy       the host's policy
     */
    public PluginResolution(EntryFacts facts, Map<String, ModelConfiguration> soundPlugins,
                     Map<String, String> moduleOwners, ApiLayer api, Policy policy) {
        this.facts = facts;
        this.soundPlugins = soundPlugins;
        this.moduleOwners = moduleOwners;
        this.api = api;
        this.policy = policy;
        this.pluginId = facts.pluginId().orElseThrow();
        this.source = facts.source();
        this.conflicts = new ConflictNames(source, pluginId);
    }

    /** The ids of the other plugins whose ids the entry's resolved modules require. */
    public static List<String> parentIds(EntryFacts facts, Set<String> pluginIds) {
        TreeSet<String> parents = new TreeSet<>();
        for (External external : closure(facts).externals()) {
            if (pluginIds.contains(external.module()) && !facts.modules().containsKey(external.module())) {
                parents.add(external.module());
            }
        }
        return List.copyOf(parents);
    }

    public ResolutionOutcome resolve(List<String> parents) {
        Closure closure = closure(facts);
        List<ModelConfiguration> parentConfigurations = new ArrayList<>();
        for (String parent : parents) {
            parentConfigurations.add(soundPlugins.get(parent));
        }
        parentConfigurations.add(api.model());

        List<Diagnostic> diagnostics = new ArrayList<>();
        checkPolicy(closure, diagnostics);
        boolean missing = false;
        for (External external : closure.externals()) {
            if (ReadabilityGraph.findInParents(parentConfigurations, external.module()).isEmpty()) {
                missing = true;
                Optional<String> owner = Optional.ofNullable(moduleOwners.get(external.module()))
                        .filter(owningSource -> !owningSource.equals(source));
                diagnostics.add(Diagnostics.inFile(Diagnostics.missingDependency(source, pluginId, external.requiredBy(),
                        external.module(), owner), fileOf(external.requiredBy())));
            }
        }
        // Only a missing module stops the check (the graph cannot be built without it); a denied module
        // must not hide the plugin's other problems.
        if (missing) {
            return new ResolutionOutcome(diagnostics, Optional.empty(), parents, closure.modules());
        }

        List<ModuleNode> nodes = new ArrayList<>();
        for (CandidateModule module : closure.modules()) {
            nodes.add(new ModuleNode(module.descriptor(), pluginId, false, Optional.of(module.file())));
        }
        ModelConfiguration configuration = new ModelConfiguration(nodes, parentConfigurations);
        checkCycles(configuration, diagnostics);
        Map<ModuleNode, Set<ModuleNode>> reads = ReadabilityGraph.of(configuration, parentConfigurations);
        checkReads(configuration, reads, diagnostics);
        for (Diagnostic diagnostic : new OneLoaderCheck(conflicts).check(configuration, reads)) {
            if (!diagnostics.contains(diagnostic)) {
                diagnostics.add(diagnostic);
            }
        }
        checkCompiledVersions(configuration, parentConfigurations, diagnostics);
        return new ResolutionOutcome(diagnostics, Optional.of(configuration), parents, closure.modules());
    }

    /** The jar of the entry's module {@code name}, as diagnostics name it. */
    private String fileOf(String name) {
        CandidateModule module = facts.modules().get(name);
        return module == null ? source : module.file();
    }

    // ---- resolution within the entry ----

    private record External(String requiredBy, String module) {
    }

    private record Closure(List<CandidateModule> modules, List<External> externals) {
    }

    /**
     * The entry's modules the plugin module needs, transitively, and the dependences that must come
     * from elsewhere. As in the JDK, {@code requires static} is not followed, and resolving one automatic
     * module resolves every automatic module the entry holds.
     */
    private static Closure closure(EntryFacts facts) {
        Map<String, CandidateModule> resolved = new LinkedHashMap<>();
        List<External> externals = new ArrayList<>();
        Deque<CandidateModule> queue = new ArrayDeque<>();
        CandidateModule root = facts.plugin().orElseThrow();
        resolved.put(root.name(), root);
        queue.add(root);
        boolean allAutomatic = false;
        while (!queue.isEmpty()) {
            CandidateModule module = queue.poll();
            if (module.descriptor().isAutomatic() && !allAutomatic) {
                for (CandidateModule other : facts.modules().values()) {
                    if (other.descriptor().isAutomatic() && resolved.putIfAbsent(other.name(), other) == null) {
                        queue.add(other);
                    }
                }
                allAutomatic = true;
            }
            for (Requires requires : Descriptors.requires(module.descriptor())) {
                if (requires.modifiers().contains(Requires.Modifier.STATIC)) {
                    continue;
                }
                CandidateModule local = facts.modules().get(requires.name());
                if (local == null) {
                    externals.add(new External(module.name(), requires.name()));
                } else if (resolved.putIfAbsent(local.name(), local) == null) {
                    queue.add(local);
                }
            }
        }
        return new Closure(List.copyOf(resolved.values()), externals);
    }

    // ---- checks ----

    private void checkPolicy(Closure closure, List<Diagnostic> diagnostics) {
        Set<String> denied = policy.deniedModules();
        if (denied.isEmpty()) {
            return;
        }
        for (CandidateModule module : closure.modules()) {
            if (denied.contains(module.name())) {
                diagnostics.add(Diagnostics.inFile(Diagnostics.forbiddenModule(source, pluginId, module.name(), module.name()), module.file()));
            }
            for (Requires requires : Descriptors.requires(module.descriptor())) {
                if (denied.contains(requires.name())) {
                    diagnostics.add(Diagnostics.inFile(Diagnostics.forbiddenModule(source, pluginId, module.name(), requires.name()), module.file()));
                }
            }
        }
    }

    /** As the JDK's {@code Resolver.detectCycles}: every {@code requires} edge between modules of the layer. */
    private void checkCycles(ModelConfiguration configuration, List<Diagnostic> diagnostics) {
        for (List<String> cycle : ModuleCycles.in(configuration)) {
            diagnostics.add(Diagnostics.dependencyCycle(source, pluginId, cycle));
        }
    }

    /**
     * As the JDK's {@code Resolver.checkExportSuppliers}, and then the host's API rule: for every module
     * of the layer, no two modules it reads may have one name, no package may reach it from two modules
     * (its own packages included), its {@code uses} and {@code provides} types must be readable, and the
     * plugin's API service types must come from the API layer.
     */
    private void checkReads(ModelConfiguration configuration, Map<ModuleNode, Set<ModuleNode>> reads,
                            List<Diagnostic> diagnostics) {
        Map<String, Diagnostic> found = new TreeMap<>();
        for (ModuleNode module : configuration.modules()) {
            ModuleDescriptor descriptor = module.descriptor();
            Map<String, ModuleNode> readByName = new HashMap<>();
            readByName.put(module.name(), module);
            Map<String, ModuleNode> suppliers = new HashMap<>();
            for (String packageName : module.packages()) {
                suppliers.put(packageName, module);
            }
            for (ModuleNode read : reads.get(module)) {
                ModuleNode sameName = readByName.putIfAbsent(read.name(), read);
                if (sameName != null && sameName != read) {
                    found.putIfAbsent("V:" + module.name() + ":" + read.name(),
                            conflicts.twoVersions(module.name(), sameName, read));
                }
                for (String packageName : read.exportedTo(Optional.of(module.name()))) {
                    ModuleNode supplier = suppliers.putIfAbsent(packageName, read);
                    // Two copies of one module name are a VERSION_CONFLICT, reported above; their shared packages are no news.
                    if (supplier != null && supplier != read && !supplier.name().equals(read.name())) {
                        found.putIfAbsent("S:" + packageName + ":" + ConflictNames.byName(supplier, read),
                                conflicts.splitPackage(packageName, supplier, read));
                    }
                }
            }
            Map<String, ModuleNode> qualifiedOnly = qualifiedOnlyFromOtherLayers(configuration, module, reads);
            qualifiedOnly.forEach((packageName, exporter) -> found.putIfAbsent(
                    "Q:" + module.name() + ":" + packageName,
                    Diagnostics.ineffectiveExport(source, pluginId, module.name(), packageName, exporter.name())));
            if (!descriptor.isAutomatic()) {
                for (String service : Descriptors.uses(descriptor)) {
                    checkReadable(module, "uses", service, suppliers, qualifiedOnly, found);
                }
                for (ModuleDescriptor.Provides provides : Descriptors.provides(descriptor)) {
                    checkReadable(module, "provides", provides.service(), suppliers, qualifiedOnly, found);
                }
            }
            if (module.name().equals(pluginId)) {
                checkApiNotShadowed(module, suppliers, found);
            }
        }
        diagnostics.addAll(found.values());
    }

    private void checkReadable(ModuleNode module, String clause, String type, Map<String, ModuleNode> suppliers,
                               Map<String, ModuleNode> qualifiedOnly, Map<String, Diagnostic> found) {
        String packageName = ApiLayer.packageOf(type);
        ModuleNode supplier = suppliers.get(packageName);
        if (supplier == null) {
            found.putIfAbsent("R:" + module.name() + ":" + packageName,
                    Diagnostics.inFile(Diagnostics.unreadPackage(source, pluginId, module.name(), clause, type, packageName), module.location()));
        } else if (qualifiedOnly.get(packageName) == supplier) {
            // Stricter than the JDK's resolver, which counts the export: the type is out of reach at run time.
            found.putIfAbsent("R:" + module.name() + ":" + packageName,
                    Diagnostics.inFile(Diagnostics.exportNotAcrossLayers(source, pluginId, module.name(), clause, type, packageName,
                            supplier.name()), module.location()));
        }
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

    private void checkApiNotShadowed(ModuleNode plugin, Map<String, ModuleNode> suppliers,
                                     Map<String, Diagnostic> found) {
        List<ModuleNode> apiNodes = api.apiNodes();
        boolean providesApiType = false;
        String shadow = null;
        String shadowedService = null;
        for (String service : facts.services()) {
            String packageName = ApiLayer.packageOf(service);
            ModuleNode supplier = suppliers.get(packageName);
            boolean splitReported = found.keySet().stream().anyMatch(key -> key.startsWith("S:" + packageName + ":"));
            if (supplier == null || splitReported) {
                return;
            }
            if (apiNodes.stream().anyMatch(node -> node == supplier)) {
                providesApiType = true;
            } else {
                shadow = supplier.name();
                shadowedService = service;
            }
        }
        if (!providesApiType && shadow != null) {
            found.putIfAbsent("A:" + shadow,
                    Diagnostics.shadowedApi(source, plugin.name(), shadowedService, shadow));
        }
    }

    /**
     * The host's stricter rule: a dependence whose resolved version has another major than the version
     * the requiring module was compiled against. Modules of the runtime image are exempt: their versions
     * follow the JDK, not the plugin.
     */
    private void checkCompiledVersions(ModelConfiguration configuration, List<ModelConfiguration> parents,
                                       List<Diagnostic> diagnostics) {
        for (ModuleNode module : configuration.modules()) {
            for (Requires requires : module.requires()) {
                Optional<String> compiled = requires.rawCompiledVersion();
                Optional<ModuleNode> target = ReadabilityGraph.lookup(configuration, parents, requires.name());
                if (compiled.isEmpty() || target.isEmpty() || target.get().runtime()) {
                    continue;
                }
                Optional<String> resolved = target.get().descriptor().rawVersion();
                if (resolved.isPresent()
                        && !MajorVersion.of(compiled.get()).equals(MajorVersion.of(resolved.get()))) {
                    diagnostics.add(Diagnostics.inFile(Diagnostics.compiledMajorMismatch(source, pluginId, module.name(),
                            requires.name(), compiled.get(), resolved.get(), target.get().origin()), module.location()));
                }
            }
        }
    }
}

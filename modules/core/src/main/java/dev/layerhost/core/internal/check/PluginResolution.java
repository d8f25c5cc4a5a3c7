package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.check.EntryClosure.External;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.model.Descriptors;
import dev.layerhost.core.internal.model.MajorVersion;
import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.ModuleNode;
import dev.layerhost.core.internal.model.ParentModules;
import dev.layerhost.core.internal.model.ReadabilityGraph;
import dev.layerhost.core.internal.scan.Entry;

import java.lang.module.ModuleDescriptor.Requires;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves one plugin's layer from descriptors alone, the way {@code Configuration.resolve} would with
 * the entry's modules as the "before" finder, the parent plugins' and the API layer's configurations as
 * parents and an empty "after" finder, and reports every reason the JDK would refuse it, plus the
 * host's own stricter rules (compiled-version majors, denied modules, a shadowed API module).
 *
 * <p>It mirrors the JDK's {@code java.lang.module.Resolver}: the same search order for a dependence, the
 * same readability graph (implied readability through {@code requires transitive}, automatic modules
 * that read everything), the same checks on what each module reads. Unlike the JDK it does not stop
 * at the first problem. Each check returns its own diagnostics.
 */
final class PluginResolution {

    private final EntryFacts facts;
    private final EntryClosure closure;
    private final Map<String, ModelConfiguration> soundPlugins;
    private final Map<String, String> moduleOwners;
    private final ApiLayer api;
    private final Policy policy;
    private final String pluginId;
    private final String source;
    private final ConflictNames conflicts;

    /**
     * @param facts        the plugin's entry; it has a plugin module and every jar of it was readable
     * @param closure      the closure of the entry's plugin module
     * @param soundPlugins the modelled configurations of the sound plugins resolved so far, by id
     * @param moduleOwners for every module name held by some entry, the source of one entry holding it
     * @param api          the API layer
     * @param policy       the host's policy
     */
    public PluginResolution(EntryFacts facts, EntryClosure closure, Map<String, ModelConfiguration> soundPlugins,
                            Map<String, String> moduleOwners, ApiLayer api, Policy policy) {
        this.facts = facts;
        this.closure = closure;
        this.soundPlugins = soundPlugins;
        this.moduleOwners = moduleOwners;
        this.api = api;
        this.policy = policy;
        this.pluginId = facts.pluginId().orElseThrow();
        this.source = facts.source();
        this.conflicts = new ConflictNames(source, pluginId);
    }

    /** The plugin's layer over the layers of {@code parents} (plugin ids, sorted) and the API layer. */
    public ResolutionOutcome resolve(List<String> parents) {
        List<ModelConfiguration> parentConfigurations = new ArrayList<>();
        for (String parent : parents) {
            parentConfigurations.add(soundPlugins.get(parent));
        }
        parentConfigurations.add(api.model());

        // Each name is searched through the parents once: a plugin at the end of a long chain has many.
        ParentModules parentModules = new ParentModules(parentConfigurations);
        List<Diagnostic> diagnostics = new ArrayList<>(deniedModules());
        List<Diagnostic> missing = missingDependencies(parentModules);
        diagnostics.addAll(missing);
        // Only a missing module stops the check (the graph cannot be built without it); a denied module
        // must not hide the plugin's other problems.
        if (!missing.isEmpty()) {
            return new ResolutionOutcome(diagnostics, Optional.empty(), parents, closure.modules());
        }

        List<ModuleNode> nodes = new ArrayList<>();
        for (CandidateModule module : closure.modules()) {
            nodes.add(new ModuleNode(module.descriptor(), pluginId, false, Optional.of(module.file())));
        }
        ModelConfiguration configuration = new ModelConfiguration(nodes, parentConfigurations);
        diagnostics.addAll(cycles(configuration));
        Map<ModuleNode, Set<ModuleNode>> reads = ReadabilityGraph.of(configuration, parentModules);
        diagnostics.addAll(new ReadsCheck(conflicts, api, facts.services()).check(configuration, reads));
        for (Diagnostic diagnostic : new OneLoaderCheck(conflicts).check(configuration, reads)) {
            if (!diagnostics.contains(diagnostic)) {
                diagnostics.add(diagnostic);
            }
        }
        diagnostics.addAll(compiledMajorMismatches(configuration, parentModules));
        return new ResolutionOutcome(diagnostics, Optional.of(configuration), parents, closure.modules());
    }

    /** Whether the entry is a jar on its own rather than a folder of jars. */
    private boolean isSingleJar() {
        Entry entry = facts.candidate().entry();
        return entry.jars().size() == 1 && entry.path().equals(entry.jars().get(0));
    }

    /** The jar of the entry's module {@code name}, as diagnostics name it. */
    private String fileOf(String name) {
        CandidateModule module = facts.modules().get(name);
        return module == null ? source : module.file();
    }

    // ---- checks ----

    private List<Diagnostic> deniedModules() {
        Set<String> denied = policy.deniedModules();
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (denied.isEmpty()) {
            return diagnostics;
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
        return diagnostics;
    }

    /** The dependences from outside the entry that neither a parent plugin nor the API layer holds. */
    private List<Diagnostic> missingDependencies(ParentModules parents) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (External external : closure.externals()) {
            if (parents.find(external.module()).isEmpty()) {
                Optional<String> owner = Optional.ofNullable(moduleOwners.get(external.module()))
                        .filter(owningSource -> !owningSource.equals(source));
                diagnostics.add(Diagnostics.inFile(Diagnostics.missingDependency(source, pluginId, external.requiredBy(),
                        external.module(), owner, isSingleJar()), fileOf(external.requiredBy())));
            }
        }
        return diagnostics;
    }

    /** As the JDK's {@code Resolver.detectCycles}: every {@code requires} edge between modules of the layer. */
    private List<Diagnostic> cycles(ModelConfiguration configuration) {
        return ModuleCycles.in(configuration).stream()
                .map(cycle -> Diagnostics.dependencyCycle(source, pluginId, cycle))
                .toList();
    }

    /**
     * The host's stricter rule: a dependence whose resolved version has another major than the version
     * the requiring module was compiled against. Modules of the runtime image are exempt: their versions
     * follow the JDK, not the plugin.
     */
    private List<Diagnostic> compiledMajorMismatches(ModelConfiguration configuration, ParentModules parents) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ModuleNode module : configuration.modules()) {
            for (Requires requires : module.requires()) {
                Optional<String> compiled = requires.rawCompiledVersion();
                Optional<ModuleNode> target = parents.lookup(configuration, requires.name());
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
        return diagnostics;
    }
}

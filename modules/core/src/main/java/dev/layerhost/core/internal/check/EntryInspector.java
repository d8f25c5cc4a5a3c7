package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.timing.PhaseTimes;
import dev.layerhost.core.internal.trust.SignatureInspector;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Looks at one entry on its own: finds its plugin module, and reports what is wrong inside the entry
 * (duplicate modules, automatic modules, denied modules it bundles, no provider).
 */
final class EntryInspector {

    private final ApiLayer api;
    private final SignatureInspector signatures;
    private final PhaseTimes times;

    /**
     * @param signatures the host's signature checks, which keep what they verified
     * @param times      the pass this inspection is part of, where the jars verified are counted
     */
    public EntryInspector(ApiLayer api, SignatureInspector signatures, PhaseTimes times) {
        this.api = api;
        this.signatures = signatures;
        this.times = times;
    }

    public EntryFacts inspect(Candidate candidate) {
        String source = candidate.source();
        Map<String, CandidateModule> byName = new LinkedHashMap<>();
        Map<String, List<CandidateModule>> copies = new LinkedHashMap<>();
        for (CandidateModule module : candidate.modules()) {
            byName.putIfAbsent(module.name(), module);
            copies.computeIfAbsent(module.name(), n -> new ArrayList<>()).add(module);
        }
        Optional<CandidateModule> plugin = choosePlugin(candidate.modules());
        Optional<String> pluginId = plugin.map(CandidateModule::name);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Diagnostic problem : candidate.problems()) {
            diagnostics.add(pluginId.map(id -> Diagnostics.about(problem, id)).orElse(problem));
        }
        boolean readable = candidate.problems().isEmpty();
        for (Map.Entry<String, List<CandidateModule>> named : copies.entrySet()) {
            if (named.getValue().size() > 1) {
                readable = false;
                diagnostics.add(Diagnostics.duplicateModule(source, pluginId, named.getKey(),
                        named.getValue().stream().map(CandidateModule::file).toList(),
                        named.getValue().stream().map(m -> m.descriptor().rawVersion().orElse("(none)")).toList()));
            }
        }
        for (CandidateModule module : candidate.modules()) {
            if (module.descriptor().isAutomatic()) {
                diagnostics.add(Diagnostics.automaticModule(source, pluginId, module.name(), module.file()));
            }
        }
        if (plugin.isEmpty() && !candidate.modules().isEmpty()) {
            diagnostics.add(noProvider(candidate));
        }
        diagnostics.addAll(signatures.inspect(candidate, pluginId, times));
        List<String> services = plugin.map(this::apiServices).orElse(List.of());
        return new EntryFacts(candidate, byName, plugin, services, diagnostics, readable);
    }

    /**
     * Why an entry with modules has no plugin: its modules provide nothing, or only types of packages that
     * no API module exports (then which, and whether the entry holds such a package itself).
     */
    private Diagnostic noProvider(Candidate candidate) {
        List<String> modules = candidate.modules().stream().map(CandidateModule::name).sorted().distinct().toList();
        // A module that provides a type of its own package serves its own SPI (a library such as
        // jackson-core providing JsonFactory): that is no attempt at an API type, so it is left out.
        List<CandidateModule> providers = candidate.modules().stream()
                .filter(module -> !foreignProvides(module).isEmpty())
                .toList();
        if (providers.isEmpty()) {
            return Diagnostics.noProvider(candidate.source(), modules, api.moduleNames());
        }
        List<String> provided = providers.stream().flatMap(m -> foreignProvides(m).stream())
                .sorted().distinct().toList();
        List<String> allPackages = provided.stream().map(ApiLayer::packageOf).sorted().distinct().toList();
        // a service of the Java runtime (java.sql.Driver, say) is no API type: adding its module to the API
        // layer would not make a plugin of it, so it is not named as a package to add
        Map<String, String> runtimeModules = new TreeMap<>();
        for (String packageName : allPackages) {
            api.runtimeModuleExporting(packageName).ifPresent(module -> runtimeModules.put(packageName, module));
        }
        List<String> packages = allPackages.stream().filter(p -> !runtimeModules.containsKey(p)).toList();
        if (packages.isEmpty()) {
            return Diagnostics.runtimeServicesOnly(candidate.source(), modules, api.moduleNames(),
                    providers.stream().map(CandidateModule::name).sorted().distinct().toList(), provided,
                    runtimeModules.values().stream().sorted().distinct().toList());
        }
        List<String> ownCopies = candidate.modules().stream()
                .filter(module -> packages.stream().anyMatch(module.descriptor().packages()::contains))
                .map(CandidateModule::file).sorted().distinct().toList();
        return Diagnostics.noApiPackage(candidate.source(), modules, api.moduleNames(),
                providers.stream().map(CandidateModule::name).sorted().distinct().toList(), provided, packages,
                ownCopies);
    }

    /** The service types {@code module} provides that are not of a package of its own. */
    private static List<String> foreignProvides(CandidateModule module) {
        return module.descriptor().provides().stream().map(ModuleDescriptor.Provides::service)
                .filter(service -> !module.descriptor().packages().contains(ApiLayer.packageOf(service)))
                .toList();
    }

    /**
     * The entry's plugin module: among the modules that provide an API service type, the one no other
     * such module requires (the "top" of the entry), ties broken by name so the choice is stable.
     */
    private Optional<CandidateModule> choosePlugin(List<CandidateModule> modules) {
        return pluginModule(api, modules);
    }

    /** The plugin module among an entry's {@code modules}, chosen as {@link #inspect} chooses it. */
    static Optional<CandidateModule> pluginModule(ApiLayer api, List<CandidateModule> modules) {
        List<CandidateModule> providers = modules.stream()
                .filter(module -> !apiServicesOf(api, module.descriptor()).isEmpty())
                .sorted(Comparator.comparing(CandidateModule::name))
                .toList();
        for (CandidateModule provider : providers) {
            boolean requiredByAnother = providers.stream()
                    .anyMatch(other -> other != provider && other.descriptor().requires().stream()
                            .anyMatch(r -> r.name().equals(provider.name())));
            if (!requiredByAnother) {
                return Optional.of(provider);
            }
        }
        return providers.stream().findFirst();
    }

    private List<String> apiServices(CandidateModule module) {
        return apiServicesOf(module.descriptor());
    }

    private List<String> apiServicesOf(ModuleDescriptor descriptor) {
        return apiServicesOf(api, descriptor);
    }

    private static List<String> apiServicesOf(ApiLayer api, ModuleDescriptor descriptor) {
        TreeSet<String> services = new TreeSet<>();
        for (ModuleDescriptor.Provides provides : descriptor.provides()) {
            if (api.isApiService(provides.service())) {
                services.add(provides.service());
            }
        }
        return List.copyOf(services);
    }
}

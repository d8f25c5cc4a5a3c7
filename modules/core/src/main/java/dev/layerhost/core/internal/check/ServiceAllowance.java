package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.diagnostic.Diagnostics;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The host's allow-list of service types ({@code --allow-service}, {@link Policy#allowedServices()})
 * against one plugin's layer. What counts is every API service type that a module of the layer
 * provides, not only the plugin module's: a library of a folder entry that provides an API type is in
 * the plugin's layer, where {@code ServiceLoader.load(layer, type)} finds its provider as readily as the
 * plugin's own. Service types of no API module are the plugin's own business and are not looked at, nor
 * are the entry's modules that the layer does not define (nothing can load them).
 */
final class ServiceAllowance {

    private final ApiLayer api;
    private final Policy policy;

    ServiceAllowance(ApiLayer api, Policy policy) {
        this.api = api;
        this.policy = policy;
    }

    /** A {@code FORBIDDEN_SERVICE} per module of {@code closure} that provides API service types not allowed. */
    List<Diagnostic> check(EntryFacts facts, EntryClosure closure) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (policy.allowedServices().isEmpty()) {
            return diagnostics;
        }
        String pluginId = facts.pluginId().orElseThrow();
        List<String> allowed = policy.allowedServices().stream().sorted().toList();
        for (CandidateModule module : closure.modules()) {
            TreeSet<String> forbidden = new TreeSet<>();
            for (ModuleDescriptor.Provides provides : module.descriptor().provides()) {
                if (api.isApiService(provides.service()) && !policy.allowsService(provides.service())) {
                    forbidden.add(provides.service());
                }
            }
            if (!forbidden.isEmpty()) {
                diagnostics.add(Diagnostics.inFile(Diagnostics.forbiddenService(facts.source(), pluginId, module.name(),
                        List.copyOf(forbidden), allowed), module.file()));
            }
        }
        return diagnostics;
    }
}

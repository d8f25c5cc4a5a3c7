package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.diagnostic.Diagnostics;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The host's allow-list of service types ({@code --allow-service}, {@link Policy#allowedServices()})
 * against one plugin's layer: a plugin may provide only these service types (the contract's words), API
 * types or not ({@code java.sql.Driver}, a library's own SPI): a provider is code the host did not ask
 * for, which anything that loads services of the layer would run. What counts is every module of the
 * layer, not only the plugin module: a library of a folder entry is in the plugin's layer, where
 * {@code ServiceLoader.load(layer, type)} finds its provider as readily as the plugin's own. The entry's
 * modules that the layer does not define are not looked at (nothing can load them).
 */
final class ServiceAllowance {

    private final Policy policy;

    ServiceAllowance(Policy policy) {
        this.policy = policy;
    }

    /** A {@code FORBIDDEN_SERVICE} per module of {@code closure} that provides service types not allowed. */
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
                if (!policy.allowsService(provides.service())) {
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

package dev.layerhost.core.internal;

import dev.layerhost.core.Diagnostic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Defines the planned layers, one class loader each, and instantiates each plugin's providers. This is
 * the only place where plugin code runs; whatever it throws becomes a {@code PROVIDER_FAILED}
 * diagnostic, and the other plugins load as if nothing happened.
 */
public final class PluginLoader {

    private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

    private final ApiLayer api;

    public PluginLoader(ApiLayer api) {
        this.api = api;
    }

    public LoadOutcome load(LayerPlan plan) {
        Map<String, ModuleLayer> defined = new HashMap<>();
        List<LoadedPlugin> loaded = new ArrayList<>();
        Map<String, List<Diagnostic>> failures = new HashMap<>();
        for (PlannedLayer planned : plan.layers()) {
            String id = planned.pluginId();
            String source = planned.verdict().source();
            List<ModuleLayer> parents = new ArrayList<>();
            for (String parent : planned.parents()) {
                ModuleLayer parentLayer = defined.get(parent);
                if (parentLayer == null) {
                    failures.computeIfAbsent(source, s -> new ArrayList<>())
                            .add(Diagnostic.dependencyRejected(source, id, parent));
                } else {
                    parents.add(parentLayer);
                }
            }
            if (parents.size() != planned.parents().size()) {
                continue;
            }
            parents.add(api.layer());
            ModuleLayer layer;
            try {
                layer = ModuleLayer.defineModulesWithOneLoader(planned.configuration(), parents,
                        ClassLoader.getPlatformClassLoader()).layer();
            } catch (LayerInstantiationException | SecurityException e) {
                log.warn("The JDK refused to define the layer of plugin '{}': {}", id, e.getMessage());
                failures.computeIfAbsent(source, s -> new ArrayList<>()).add(JdkRefusal.toDiagnostic(source, id, e));
                continue;
            }
            defined.put(id, layer);
            List<Object> instances = new ArrayList<>();
            List<Diagnostic> providerFailures = new ArrayList<>();
            for (String serviceType : planned.verdict().services()) {
                instantiate(planned, layer, serviceType, instances, providerFailures);
            }
            if (providerFailures.isEmpty()) {
                String version = planned.verdict().pluginModule().orElseThrow().versionOrEmpty();
                loaded.add(new LoadedPlugin(id, version, source, layer, instances));
                log.debug("Loaded plugin '{}' {} with {} service(s)", id, version, instances.size());
            } else {
                failures.computeIfAbsent(source, s -> new ArrayList<>()).addAll(providerFailures);
            }
        }
        return new LoadOutcome(loaded, failures);
    }

    private void instantiate(PlannedLayer planned, ModuleLayer layer, String serviceType, List<Object> instances,
                             List<Diagnostic> failures) {
        String id = planned.pluginId();
        String source = planned.verdict().source();
        Optional<Class<?>> service = api.serviceClass(serviceType);
        if (service.isEmpty()) {
            failures.add(Diagnostic.providerFailed(source, id, serviceType, "?",
                    "service type " + serviceType + " is not visible in the API layer"));
            return;
        }
        // Our module cannot declare 'uses' for service types it only learns of at run time.
        PluginLoader.class.getModule().addUses(service.get());
        String provider = "?";
        try {
            for (ServiceLoader.Provider<?> candidate : ServiceLoader.load(layer, service.get()).stream().toList()) {
                Class<?> type = candidate.type();
                if (type.getModule().getLayer() != layer) {
                    continue;
                }
                provider = type.getName();
                instances.add(candidate.get());
            }
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            failures.add(Diagnostic.providerFailed(source, id, serviceType, provider, causeOf(e)));
        }
    }

    /** The innermost cause, as "Type: message", which is what a plugin author needs to see. */
    private static String causeOf(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return innermost.getClass().getName() + (message == null ? "" : ": " + message.replace('\n', ' '));
    }
}

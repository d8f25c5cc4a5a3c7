package dev.layerhost.core.internal;

import dev.layerhost.core.Diagnostic;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Defines a sound plugin's layer, with one class loader, and instantiates its providers. This is the
 * only place where plugin code runs; whatever it throws becomes a {@code PROVIDER_FAILED}
 * diagnostic, and the other plugins load as if nothing happened.
 */
public final class PluginLoader {

    private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

    private final ApiLayer api;

    public PluginLoader(ApiLayer api) {
        this.api = api;
    }

    /**
     * Resolves {@code verdict}'s layer with the JDK on {@code parentLayers} (the layers of the plugins it
     * requires, in the order of {@link Verdict#parents()}), defines it with one class loader, and
     * instantiates its providers. Nothing is kept when anything fails.
     */
    public PluginBuild build(Verdict verdict, List<ModuleLayer> parentLayers) {
        String id = verdict.pluginId().orElseThrow();
        String source = verdict.source();
        List<ModuleLayer> parents = new ArrayList<>(parentLayers);
        parents.add(api.layer());
        List<Configuration> parentConfigurations = parents.stream().map(ModuleLayer::configuration).toList();
        ModuleLayer layer;
        try {
            Configuration configuration = Configuration.resolve(new EntryFinder(verdict.layerModules()),
                    parentConfigurations, ModuleFinder.of(), Set.of(id));
            layer = ModuleLayer.defineModulesWithOneLoader(configuration, parents,
                    ClassLoader.getPlatformClassLoader()).layer();
        } catch (ResolutionException | FindException | LayerInstantiationException | SecurityException e) {
            log.warn("The JDK refused the layer of plugin '{}': {}", id, e.getMessage());
            return PluginBuild.refused(JdkRefusal.toDiagnostic(source, id, e));
        }
        List<Object> instances = new ArrayList<>();
        List<Diagnostic> providerFailures = new ArrayList<>();
        for (String serviceType : verdict.services()) {
            instantiate(id, source, layer, serviceType, instances, providerFailures);
        }
        if (!providerFailures.isEmpty()) {
            return PluginBuild.failed(providerFailures);
        }
        String version = verdict.pluginModule().orElseThrow().versionOrEmpty();
        log.debug("Loaded plugin '{}' {} with {} service(s)", id, version, instances.size());
        return PluginBuild.loaded(new LoadedPlugin(id, version, source, layer, verdict.services(), instances));
    }

    private void instantiate(String id, String source, ModuleLayer layer, String serviceType,
                             List<Object> instances, List<Diagnostic> failures) {
        Optional<Class<?>> service = api.serviceClass(serviceType);
        if (service.isEmpty()) {
            failures.add(Diagnostic.providerFailed(source, id, serviceType, "?",
                    "service type " + serviceType + " is not visible in the API layer"));
            return;
        }
        // Our module cannot declare 'uses' for service types it only learns of at run time.
        PluginLoader.class.getModule().addUses(service.get());
        // Until a provider's class is loaded, name the classes the layer's modules declare: loading one
        // can fail before its type is known (a class whose bytes a jar signature rejects, a bad class file).
        String provider = declaredProviders(layer, serviceType);
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

    /** The classes that {@code layer}'s modules declare as providers of {@code serviceType}, or "?" for none. */
    private static String declaredProviders(ModuleLayer layer, String serviceType) {
        List<String> providers = layer.modules().stream()
                .flatMap(module -> module.getDescriptor().provides().stream())
                .filter(provides -> provides.service().equals(serviceType))
                .flatMap(provides -> provides.providers().stream())
                .sorted()
                .toList();
        return providers.isEmpty() ? "?" : String.join(", ", providers);
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

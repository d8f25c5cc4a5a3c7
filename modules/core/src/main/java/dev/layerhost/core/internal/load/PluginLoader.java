package dev.layerhost.core.internal.load;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.check.Verdict;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.model.SameObjects;
import dev.layerhost.core.internal.plan.JdkRefusal;
import dev.layerhost.core.internal.plan.LayerResolution;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ResolutionException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import dev.layerhost.core.internal.timing.PhaseTimes;
import dev.layerhost.core.internal.timing.PhaseTimes.Phase;

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
    private final boolean lazy;
    private final ProviderCloser closer = new ProviderCloser();

    /**
     * @param lazy whether a build defines the layer only, its providers made when first asked for
     *             ({@link Providers#get()}), rather than instantiating them while loading
     */
    public PluginLoader(ApiLayer api, boolean lazy) {
        this.api = api;
        this.lazy = lazy;
    }

    /**
     * Resolves {@code verdict}'s layer with the JDK on {@code parentLayers} (the layers of the plugins it
     * requires, in the order of {@link Verdict#parents()}), defines it with one class loader, and
     * instantiates its providers. Nothing is kept when anything fails.
     *
     * @param planned the configuration the planner resolved for this plugin; used as it is when its
     *                parents are the configurations of {@code parentLayers} (a first load), which spares
     *                a second resolution
     */
    public PluginBuild build(Verdict verdict, List<ModuleLayer> parentLayers, Optional<Configuration> planned,
                             PhaseTimes times) {
        String id = verdict.pluginId().orElseThrow();
        String source = verdict.source();
        List<ModuleLayer> parents = new ArrayList<>(parentLayers);
        parents.add(api.layer());
        List<Configuration> parentConfigurations = parents.stream().map(ModuleLayer::configuration).toList();
        ModuleLayer layer;
        long defineStart = System.nanoTime();
        try {
            Configuration configuration = planned.filter(c -> SameObjects.inOrder(c.parents(), parentConfigurations))
                    .orElseGet(() -> LayerResolution.resolve(verdict.layerModules(), parentConfigurations, id));
            layer = ModuleLayer.defineModulesWithOneLoader(configuration, parents,
                    ClassLoader.getPlatformClassLoader()).layer();
        } catch (ResolutionException | FindException | LayerInstantiationException | SecurityException e) {
            log.warn("The JDK refused the layer of plugin '{}': {}", id, e.getMessage());
            return PluginBuild.refused(JdkRefusal.toDiagnostic(source, id, e));
        } finally {
            times.add(Phase.DEFINE, 1, System.nanoTime() - defineStart);
        }
        Optional<String> version = verdict.pluginModule().orElseThrow().descriptor().rawVersion();
        if (lazy) {
            log.debug("Loaded plugin '{}' {}; its providers are made when first asked for", id, version.orElse(""));
            ModuleLayer defined = layer;
            return PluginBuild.loaded(new LoadedPlugin(id, version, source, layer, verdict.services(),
                    Providers.lazy(() -> instantiateAll(id, source, defined, verdict.services()),
                            instances -> closeLate(new RetiredPlugin(id, version, source, instances)))));
        }
        long instantiateStart = System.nanoTime();
        Providers.Made made;
        try {
            made = instantiateAll(id, source, layer, verdict.services());
        } finally {
            times.add(Phase.INSTANTIATE, 1, System.nanoTime() - instantiateStart);
        }
        if (made.failed()) {
            return PluginBuild.failed(made.failures(), layer, new RetiredPlugin(id, version, source, made.instances()));
        }
        log.debug("Loaded plugin '{}' {} with {} service(s)", id, version.orElse(""), made.instances().size());
        return PluginBuild.loaded(new LoadedPlugin(id, version, source, layer, verdict.services(),
                Providers.made(made.instances())));
    }

    /** Closes instances a lazy plugin made after it stopped serving; what their close throws is logged. */
    private void closeLate(RetiredPlugin late) {
        for (Diagnostic failure : closer.close(late)) {
            log.warn("{}", failure.message());
        }
    }

    /** Every provider of the plugin's service types, in their order; plugin code runs here. */
    private Providers.Made instantiateAll(String id, String source, ModuleLayer layer, List<String> serviceTypes) {
        List<Object> instances = new ArrayList<>();
        List<Diagnostic> failures = new ArrayList<>();
        for (String serviceType : serviceTypes) {
            instantiate(id, source, layer, serviceType, instances, failures);
        }
        return new Providers.Made(instances, failures);
    }

    private void instantiate(String id, String source, ModuleLayer layer, String serviceType,
                             List<Object> instances, List<Diagnostic> failures) {
        Optional<Class<?>> service = api.serviceClass(serviceType);
        if (service.isEmpty()) {
            failures.add(Diagnostics.providerFailed(source, id, serviceType, "?",
                    "service type " + serviceType + " is not visible in the API layer"));
            return;
        }
        // Our module cannot declare 'uses' for service types it only learns of at run time.
        PluginLoader.class.getModule().addUses(service.get());
        // Until a provider's class is loaded, name the classes the layer's modules declare: loading one
        // can fail before its type is known (a class whose bytes a jar signature rejects, a bad class file).
        List<String> declared = declaredProviders(layer, serviceType);
        String provider = declared.isEmpty() ? "?" : String.join(", ", declared);
        // Libraries a provider starts (ServiceLoader.load(Class), JAXB, logging back ends) look for their
        // own classes through the context class loader: it is the plugin's, as a host's would be its own.
        Thread thread = Thread.currentThread();
        ClassLoader hostContext = thread.getContextClassLoader();
        thread.setContextClassLoader(layer.findLoader(id));
        try {
            // ServiceLoader yields the providers of the given layer first, then those of its parents. The
            // first ones are this plugin's: a provider's type cannot tell, as a static provider() method's
            // type is its return type, often the API's own interface.
            List<? extends ServiceLoader.Provider<?>> own = ServiceLoader.load(layer, service.get()).stream()
                    .limit(declared.size()).toList();
            for (ServiceLoader.Provider<?> candidate : own) {
                Class<?> type = candidate.type();
                // a provider() method's type is the type it returns: then the declared classes are named
                provider = type.getModule().getLayer() == layer ? type.getName()
                        : declared.isEmpty() ? "?" : String.join(", ", declared);
                instances.add(candidate.get());
            }
        } catch (ServiceConfigurationError | RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            // Plugin code's own failures, Errors it may throw included; the JVM's other Errors are not its.
            failures.add(Diagnostics.providerFailed(source, id, serviceType, provider, causeOf(e)));
        } finally {
            thread.setContextClassLoader(hostContext);
        }
    }

    /** The classes that {@code layer}'s modules declare as providers of {@code serviceType}, sorted. */
    private static List<String> declaredProviders(ModuleLayer layer, String serviceType) {
        return layer.modules().stream()
                .flatMap(module -> module.getDescriptor().provides().stream())
                .filter(provides -> provides.service().equals(serviceType))
                .flatMap(provides -> provides.providers().stream())
                .sorted()
                .toList();
    }

    /**
     * What a plugin author needs to see: the plugin's own exception as "Type: message", past the JDK's
     * wrappers (ServiceLoader's error, the initializer's and reflection's), and its root cause if it has one.
     */
    static String causeOf(Throwable failure) {
        Throwable own = failure;
        while (isWrapper(own) && own.getCause() != null && own.getCause() != own) {
            own = own.getCause();
        }
        Throwable root = own;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == own ? describe(own) : describe(own) + " (caused by " + describe(root) + ")";
    }

    private static boolean isWrapper(Throwable failure) {
        return failure instanceof ServiceConfigurationError || failure instanceof ExceptionInInitializerError
                || failure instanceof InvocationTargetException;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName() + (message == null ? "" : ": " + message.replace('\n', ' '));
    }
}

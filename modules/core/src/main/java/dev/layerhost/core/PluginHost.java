package dev.layerhost.core;

import dev.layerhost.core.internal.ApiLayer;
import dev.layerhost.core.internal.CheckedRoot;
import dev.layerhost.core.internal.LoadOutcome;
import dev.layerhost.core.internal.LoadedPlugin;
import dev.layerhost.core.internal.PluginLoader;
import dev.layerhost.core.internal.ReportAssembler;
import dev.layerhost.core.internal.RootCheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The embedding API: a plugin host over one plugin root.
 *
 * <p>{@link #scan()} and {@link #graph()} read module descriptors only and never run plugin code.
 * {@link #load()} builds one {@link ModuleLayer} (one class loader) per sound plugin, whose parents are
 * the layers of the plugins it requires and the API layer, and instantiates the plugin's providers.
 * A problem in one plugin never changes another plugin's status unless that plugin requires it.
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.builder().pluginRoot(Path.of("plugins")).build()) {
 *     Report report = host.load();
 *     report.diagnostics().forEach(d -> log.warn("{}: {}", d.code(), d.message()));
 *     for (PluginService<DataSource> source : host.services(DataSource.class)) {
 *         System.out.println(source.plugin() + " reads " + source.service().schemes());
 *     }
 * }
 * }</pre>
 *
 * <p>Instances are not thread-safe: call them from one thread, or guard them.
 */
public final class PluginHost implements AutoCloseable {

    private final Path pluginRoot;
    private final ApiLayer api;
    private final RootCheck rootCheck;
    private final ReportAssembler assembler = new ReportAssembler();
    private List<LoadedPlugin> loaded = List.of();
    private boolean closed;

    private PluginHost(Path pluginRoot, ApiLayer api, Policy policy) {
        this.pluginRoot = pluginRoot;
        this.api = api;
        this.rootCheck = new RootCheck(api, policy);
    }

    /** A builder; {@link Builder#pluginRoot(Path)} is the one required setting. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Discovers and checks every plugin of the root from module descriptors alone.
     *
     * @return one report per entry (status {@code OK} or {@code REJECTED}) and every diagnostic
     * @throws HostSetupException if the plugin root is missing or unreadable
     */
    public Report scan() {
        ensureOpen();
        return assembler.scanReport(rootCheck.run(pluginRoot));
    }

    /**
     * The layers a load would build, from module descriptors alone.
     *
     * @throws HostSetupException if the plugin root is missing or unreadable
     */
    public LayerGraph graph() {
        ensureOpen();
        return assembler.graph(rootCheck.run(pluginRoot), api);
    }

    /**
     * Checks the root, then builds the layer of every sound plugin and instantiates its providers,
     * replacing whatever an earlier load built.
     *
     * @return one report per entry (status {@code LOADED}, {@code FAILED} or {@code REJECTED}) and every diagnostic
     * @throws HostSetupException if the plugin root is missing or unreadable
     */
    public Report load() {
        ensureOpen();
        CheckedRoot root = rootCheck.run(pluginRoot);
        loaded = List.of();
        LoadOutcome outcome = new PluginLoader(api).load(root.plan());
        loaded = outcome.loaded();
        return assembler.loadReport(root, outcome);
    }

    /**
     * The instances of {@code type} that the loaded plugins provide, each with the plugin it came from,
     * parents before children. Empty before {@link #load()}.
     */
    public <S> List<PluginService<S>> services(Class<S> type) {
        Objects.requireNonNull(type, "type");
        List<PluginService<S>> services = new ArrayList<>();
        for (LoadedPlugin plugin : loaded) {
            for (Object instance : plugin.services()) {
                if (type.isInstance(instance)) {
                    services.add(new PluginService<>(plugin.id(), plugin.version(), type.cast(instance)));
                }
            }
        }
        return List.copyOf(services);
    }

    /** The layer of a loaded plugin. */
    public Optional<ModuleLayer> layer(String pluginId) {
        return loaded.stream().filter(p -> p.id().equals(pluginId)).map(LoadedPlugin::layer).findFirst();
    }

    /** The ids of the loaded plugins, parents first. */
    public List<String> loadedPlugins() {
        return loaded.stream().map(LoadedPlugin::id).toList();
    }

    /** The API layer, the parent of every plugin layer. */
    public ModuleLayer apiLayer() {
        return api.layer();
    }

    /** The names of the API layer's API modules. */
    public List<String> apiModules() {
        return api.moduleNames();
    }

    /**
     * Drops every reference to the plugins' layers, their class loaders and their service instances, so
     * that they can be collected. A closed host cannot be used again.
     */
    @Override
    public void close() {
        loaded = List.of();
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("plugin host is closed");
        }
    }

    /** Builds a {@link PluginHost}. */
    public static final class Builder {
        private Path pluginRoot;
        private ModuleLayer apiLayer;
        private Set<String> apiModules = Set.of();
        private final List<Path> apiPaths = new ArrayList<>();
        private Policy policy = Policy.permissive();

        private Builder() {
        }

        /** The plugin root: a folder whose jars and sub-folders are plugin candidates. Required. */
        public Builder pluginRoot(Path root) {
            this.pluginRoot = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * An API layer of the host's own making, whose modules {@code apiModules} hold the service
         * types. Without it, the layer of the {@code layerhost.api} module is the API layer.
         */
        public Builder apiLayer(ModuleLayer layer, Set<String> apiModules) {
            this.apiLayer = Objects.requireNonNull(layer, "layer");
            this.apiModules = Set.copyOf(apiModules);
            return this;
        }

        /** Adds the modules of a jar, or of a folder of jars, to the API layer (the CLI's {@code --api}). */
        public Builder apiPath(Path path) {
            apiPaths.add(Objects.requireNonNull(path, "path"));
            return this;
        }

        /** What the host refuses to load. Defaults to {@link Policy#permissive()}. */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @throws IllegalStateException if no plugin root was set
         * @throws HostSetupException    if an API path is missing, empty, or does not resolve
         */
        public PluginHost build() {
            if (pluginRoot == null) {
                throw new IllegalStateException("pluginRoot is required");
            }
            ApiLayer base = apiLayer != null ? ApiLayer.of(apiLayer, apiModules) : ApiLayer.hostDefault();
            return new PluginHost(pluginRoot, base.extendedWith(apiPaths), policy);
        }
    }
}

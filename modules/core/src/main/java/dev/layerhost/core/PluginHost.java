package dev.layerhost.core;

import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.live.LiveRegistry;
import dev.layerhost.core.internal.live.SnapshotStore;
import dev.layerhost.core.internal.load.LoadedPlugin;
import dev.layerhost.core.internal.plan.DescriptorPass;
import dev.layerhost.core.internal.report.ReportAssembler;
import dev.layerhost.core.internal.watch.RootWatcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Loads, reloads, unloads and the watcher are serialized. Listeners receive events one at a time, in
 * the order they happened, with no lock of the host held, so a listener may call the host (to reload
 * another plugin, say). {@link #services}, {@link #live()} and
 * {@link #layer} may be called from any thread and see the plugins serving at that moment.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final Path pluginRoot;
    private final ApiLayer api;
    private final Policy policy;
    private final Optional<Path> workDirectory;
    private final Duration quietPeriod;
    private final Duration pollInterval;
    private final Clock clock = Clock.systemUTC();
    private final DescriptorPass descriptorPass;
    private final ReportAssembler assembler = new ReportAssembler();
    private final List<PluginListener> listeners = new CopyOnWriteArrayList<>();
    // Made on first use and dropped by close(), under this object's lock; read without it by serving().
    private SnapshotStore snapshots;
    private volatile LiveRegistry registry;
    private RootWatcher watcher;
    /** Set once, by the first close(); from then on the host refuses new work. */
    private final AtomicBoolean closed = new AtomicBoolean();

    private PluginHost(Builder builder, ApiLayer api) {
        this.pluginRoot = builder.pluginRoot;
        this.api = api;
        this.policy = builder.policy;
        this.workDirectory = Optional.ofNullable(builder.workDirectory);
        this.quietPeriod = builder.quietPeriod;
        this.pollInterval = builder.pollInterval;
        this.descriptorPass = new DescriptorPass(api, policy);
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
        return assembler.scanReport(descriptorPass.run(pluginRoot));
    }

    /**
     * The layers a load would build, from module descriptors alone.
     *
     * @throws HostSetupException if the plugin root is missing or unreadable
     */
    public LayerGraph graph() {
        ensureOpen();
        return assembler.graph(descriptorPass.run(pluginRoot), api);
    }

    /**
     * Checks the root, then builds the layer of every sound plugin from a private copy of its files and
     * instantiates its providers, replacing whatever an earlier load built. Listeners receive
     * {@code LOADED} (or {@code RELOADED}), {@code REJECTED} and {@code FAILED} events.
     *
     * @return one report per entry (status {@code LOADED}, {@code FAILED} or {@code REJECTED}) and every diagnostic
     * @throws HostSetupException if the plugin root is missing or unreadable
     */
    public Report load() {
        ensureOpen();
        LiveRegistry.Synchronization done = registry().loadAll();
        return assembler.loadReport(done.root(), done.outcome());
    }

    /**
     * Rebuilds one plugin from a fresh copy of its entry's current files, then the plugins that require
     * it, in dependency order. All-or-nothing: if the new files are rejected or fail, the live version
     * keeps serving and a {@code REJECTED} or {@code FAILED} event says why.
     *
     * @return the events of this reload, also given to the listeners
     * @throws NoSuchElementException if no entry holds a plugin with this id
     */
    public List<PluginEvent> reload(String pluginId) {
        ensureOpen();
        String source = registry().sourceOf(pluginId)
                .orElseThrow(() -> new NoSuchElementException("no plugin '" + pluginId + "'"));
        return registry().synchronize(Optional.of(Set.of(source)), Set.of(source)).events();
    }

    /**
     * Drops a live plugin's layer, after the layers of the live plugins that require it ({@code UNLOADED}
     * each, children first). It stays unloaded until its files change (when watching) or the next
     * {@link #load()} or {@link #reload(String)}.
     *
     * @return the events of this unload, also given to the listeners
     * @throws NoSuchElementException if the plugin is not live
     */
    public List<PluginEvent> unload(String pluginId) {
        ensureOpen();
        return registry().unload(pluginId);
    }

    /**
     * Follows the plugin root until {@link #close()}: an entry whose files changed and then stayed still
     * for the quiet period is reloaded (or loaded, when new); a removed entry is unloaded. Call
     * {@link #load()} first. Calling it again has no effect.
     */
    public synchronized void watch() {
        ensureOpen();
        if (watcher == null) {
            watcher = new RootWatcher(pluginRoot, registry(), quietPeriod, pollInterval, clock);
            watcher.start();
        }
    }

    /**
     * Adds a listener for the events of loads, reloads, unloads and the watcher. An exception a listener
     * throws is logged; the other listeners still receive the event.
     */
    public void addListener(PluginListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added before. */
    public void removeListener(PluginListener listener) {
        listeners.remove(listener);
    }

    /**
     * The instances of {@code type} that the live plugins provide, each with the plugin it came from,
     * parents before children. Empty before {@link #load()}. Safe to call from any thread.
     */
    public <S> List<PluginService<S>> services(Class<S> type) {
        Objects.requireNonNull(type, "type");
        List<PluginService<S>> services = new ArrayList<>();
        for (LoadedPlugin plugin : serving()) {
            for (Object instance : plugin.services()) {
                if (type.isInstance(instance)) {
                    services.add(new PluginService<>(plugin.id(), plugin.version(), type.cast(instance)));
                }
            }
        }
        return List.copyOf(services);
    }

    /** The plugins serving now, parents before children. Safe to call from any thread. */
    public List<LivePlugin> live() {
        return serving().stream()
                .map(p -> new LivePlugin(p.id(), p.version().isEmpty() ? Optional.empty() : Optional.of(p.version()),
                        p.source(), p.serviceTypes()))
                .toList();
    }

    /** The version of a plugin that is serving now; empty if it is not live or has no version. */
    public Optional<String> liveVersion(String pluginId) {
        return live().stream().filter(p -> p.id().equals(pluginId)).findFirst().flatMap(LivePlugin::version);
    }

    /** The layer of a live plugin. */
    public Optional<ModuleLayer> layer(String pluginId) {
        return serving().stream().filter(p -> p.id().equals(pluginId)).map(LoadedPlugin::layer).findFirst();
    }

    /** The ids of the live plugins, parents first. */
    public List<String> loadedPlugins() {
        return serving().stream().map(LoadedPlugin::id).toList();
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
     * Stops watching, drops every reference to the plugins' layers, their class loaders and their service
     * instances so that they can be collected, and deletes the private copies of their files. A closed
     * host cannot be used again; closing twice is harmless.
     */
    @Override
    public void close() {
        // A second close returns at once, even while the first still waits for plugin code to return.
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RootWatcher closingWatcher;
        LiveRegistry closingRegistry;
        SnapshotStore closingSnapshots;
        synchronized (this) {
            closingWatcher = watcher;
            closingRegistry = registry;
            closingSnapshots = snapshots;
            watcher = null;
            registry = null;
            snapshots = null;
        }
        // Outside the lock: the watcher's thread may be delivering an event to a listener that calls us.
        if (closingWatcher != null) {
            closingWatcher.close();
        }
        if (closingRegistry != null) {
            closingRegistry.close();
        }
        if (closingSnapshots != null) {
            closingSnapshots.close();
        }
    }

    private List<LoadedPlugin> serving() {
        LiveRegistry current = registry;
        return current == null ? List.of() : current.serving();
    }

    private synchronized LiveRegistry registry() {
        ensureOpen();
        if (registry == null) {
            snapshots = new SnapshotStore(workDirectory);
            registry = new LiveRegistry(pluginRoot, api, policy, snapshots, this::announce, clock);
        }
        return registry;
    }

    private void announce(PluginEvent event) {
        for (PluginListener listener : listeners) {
            // One failing listener must not keep the event from the listeners after it.
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("A plugin listener failed on {} of '{}': {}", event.kind(), event.plugin(), e.toString());
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
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
        private Path workDirectory;
        private Duration quietPeriod = Duration.ofSeconds(1);
        private Duration pollInterval = Duration.ofMillis(100);

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
         *
         * @throws IllegalArgumentException if {@code apiModules} is empty or names a module that
         *                                  {@code layer} (with its parents) does not hold
         */
        public Builder apiLayer(ModuleLayer layer, Set<String> apiModules) {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(apiModules, "apiModules");
            if (apiModules.isEmpty()) {
                throw new IllegalArgumentException("name at least one API module of the API layer");
            }
            for (String module : new TreeSet<>(apiModules)) {
                if (layer.findModule(module).isEmpty()) {
                    throw new IllegalArgumentException("module " + module + " is not in the given API layer");
                }
            }
            this.apiLayer = layer;
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
         * Where the private copies of plugin files go (layers are defined from them, so the originals can
         * be replaced at any time): a new folder inside {@code directory}, deleted on
         * {@link PluginHost#close()}; {@code directory} itself stays. Default: a new temporary folder.
         */
        public Builder workDirectory(Path directory) {
            this.workDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * How long an entry's files must stay unchanged before {@link PluginHost#watch()} takes them.
         * Default: one second. A jar that does not end like a complete zip must stay still ten times as long.
         */
        public Builder quietPeriod(Duration quietPeriod) {
            if (quietPeriod.isNegative()) {
                throw new IllegalArgumentException("quiet period must not be negative: " + quietPeriod);
            }
            this.quietPeriod = quietPeriod;
            return this;
        }

        /** How often the watcher looks at the root even without file events. Default: 100 ms. */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
            }
            this.pollInterval = pollInterval;
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
            return new PluginHost(this, base.extendedWith(apiPaths));
        }
    }
}

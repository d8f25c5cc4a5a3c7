package dev.layerhost.core;

import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.audit.AuditLogFile;
import dev.layerhost.core.internal.audit.AuditTrail;
import dev.layerhost.core.internal.live.LiveRegistry;
import dev.layerhost.core.internal.live.SnapshotStore;
import dev.layerhost.core.internal.load.LoadedPlugin;
import dev.layerhost.core.internal.load.Providers;
import dev.layerhost.core.internal.archive.CacheFolder;
import dev.layerhost.core.internal.archive.DiscoveryCache;
import dev.layerhost.core.internal.plan.DescriptorPass;
import dev.layerhost.core.internal.plan.PlannedRoot;
import dev.layerhost.core.internal.plan.WhatIfPass;
import dev.layerhost.core.internal.plan.WhatIfRoots;
import dev.layerhost.core.internal.report.ReportAssembler;
import dev.layerhost.core.internal.scan.DisabledPlugins;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.WhatIfEntries;
import dev.layerhost.core.internal.watch.RootWatcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding API: a plugin host over one plugin root, for plugins that provide the service types of
 * the host's own API.
 *
 * <p>{@link #scan()} and {@link #graph()} read module descriptors only and never run plugin code.
 * {@link #load()} builds one {@link ModuleLayer} (one class loader) per sound plugin, whose parents are
 * the layers of the plugins it requires and the API layer, and instantiates the plugin's providers.
 * A problem in one plugin never changes another plugin's status unless that plugin requires it.
 *
 * <p>The host has no service types of its own: the builder names the API, the modules whose exported
 * types plugins provide. A host application that has its API module on its module path names that
 * module, and then finds every service by its own type:
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.builder()
 *         .pluginRoot(Path.of("plugins"))
 *         .apiModule(Greeter.class.getModule())
 *         .build()) {
 *     Report report = host.load();
 *     report.diagnostics().forEach(d -> System.err.println(d.code() + ": " + d.message()));
 *     for (PluginService<Greeter> greeter : host.services(Greeter.class)) {
 *         System.out.println(greeter.plugin() + " says " + greeter.service().greet("you"));
 *     }
 * }
 * }</pre>
 *
 * <p>Loads, reloads, unloads and the watcher are serialized. Listeners receive events one at a time, in
 * the order they happened, with no lock of the host held, so a listener may call the host (to reload
 * another plugin, say). {@link #services}, {@link #live()} and {@link #layer} may be called from any
 * thread and see the plugins serving at that moment.
 *
 * <p>A plugin whose id the root's {@code disabled.txt} (one id per line, {@code #} comments) or
 * {@link Builder#disabledPlugins} lists is {@link PluginStatus#DISABLED}: no layer, none of its code runs.
 *
 * <p>Lifecycle: a provider that implements {@link AutoCloseable} is closed when its plugin stops serving:
 * after its replacement serves (reload), when it is unloaded, and when the host closes. What its
 * {@code close()} throws is reported as a {@link PluginEvent.Kind#CLOSE_FAILED} event, never thrown.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final Path pluginRoot;
    private final ApiLayer api;
    private final Policy policy;
    /** The API modules the builder named (not those of API paths). */
    private final Set<String> namedApiModules;
    private final Optional<Path> workDirectory;
    /** The cache folder shared by hosts over time; empty if it cannot be used. */
    private final Optional<Path> cacheDirectory;
    private final DiscoveryCache discoveryCache;
    private final Duration quietPeriod;
    private final Duration pollInterval;
    private final Duration closeTimeout;
    private final boolean lazyProviders;
    private final DisabledPlugins disabled;
    private final Clock clock = Clock.systemUTC();
    /** Copies and descriptor reads run here, in parallel; shut down by close(). */
    private final ExecutorService io;
    private final DescriptorPass descriptorPass;
    /** The audit log files this host opened, closed by close(). */
    private final List<AuditLogFile> auditLogs;
    private final AuditTrail audit;
    private final ReportAssembler assembler = new ReportAssembler();
    private final List<PluginListener> listeners = new CopyOnWriteArrayList<>();
    /** Guards the three fields below; never held while plugin code runs. */
    private final Object lock = new Object();
    private SnapshotStore snapshots;
    private volatile LiveRegistry registry;
    private RootWatcher watcher;
    /** Set once, by the first close(); from then on the host refuses new work. */
    private final AtomicBoolean closed = new AtomicBoolean();
    /** What the first close() returned, once it returned. */
    private final CompletableFuture<Boolean> closedInTime = new CompletableFuture<>();

    private PluginHost(Builder builder, ApiLayer api, List<AuditLogFile> auditLogs) {
        this.pluginRoot = builder.pluginRoot;
        this.api = api;
        this.policy = builder.policy;
        this.namedApiModules = Set.copyOf(builder.apiModules);
        this.workDirectory = Optional.ofNullable(builder.workDirectory);
        this.cacheDirectory = CacheFolder.usable(Optional.ofNullable(builder.cacheDirectory));
        this.discoveryCache = cacheDirectory.map(folder -> DiscoveryCache.open(CacheFolder.indexFile(folder, pluginRoot)))
                .orElseGet(DiscoveryCache::inMemory);
        this.quietPeriod = builder.quietPeriod;
        this.pollInterval = builder.pollInterval;
        this.closeTimeout = builder.closeTimeout;
        this.lazyProviders = builder.lazyProviders;
        this.disabled = new DisabledPlugins(builder.disabledPlugins);
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("layerhost-io-" + pluginRoot.getFileName()));
        // Idle threads end, so a host that is never closed keeps no thread.
        pool.allowCoreThreadTimeOut(true);
        this.io = pool;
        this.descriptorPass = new DescriptorPass(api, policy, io, discoveryCache, disabled);
        this.auditLogs = List.copyOf(auditLogs);
        List<AuditSink> sinks = new ArrayList<>(auditLogs);
        sinks.addAll(builder.auditSinks);
        this.audit = new AuditTrail(sinks, io, clock);
    }

    /**
     * A builder; {@link Builder#pluginRoot(Path)} and the API are required.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Discovers and checks every plugin of the root from module descriptors alone.
     *
     * @return one report per entry (status {@code OK}, {@code REJECTED} or {@code DISABLED}) and every diagnostic
     * @throws HostSetupException if the plugin root is missing or unreadable
     */
    public Report scan() {
        ensureOpen();
        return assembler.scanReport(checkedRoot());
    }

    /**
     * The layers a load would build, from module descriptors alone.
     *
     * @return the layers of the sound plugins, parents first, and every diagnostic of the scan
     * @throws HostSetupException if the plugin root is missing or unreadable
     */
    public LayerGraph graph() {
        ensureOpen();
        return assembler.graph(checkedRoot(), api);
    }

    /**
     * What adding {@code candidates} to the root would do, without touching the root: each candidate (a
     * {@code .jar} file, or a folder of jars, anywhere) is checked as if it were an entry of the root,
     * named by its file or folder name, that replaces the root's entry of that name and the entries that
     * hold a plugin of its id; several candidates are checked together. Both the root and the root with
     * the candidates are checked from module descriptors alone, with the same API layer, policy and
     * disabled plugins; no plugin code runs and nothing is written in the root (the discovery cache in the
     * cache folder is used as by {@link #scan()}). The root's own check is on the audit trail, the
     * hypothetical one is not: it describes no files of the root.
     *
     * <pre>{@code
     * WhatIfReport whatIf = host.whatIf(List.of(Path.of("build/json-export-2.jar")));
     * System.out.println(whatIf.rejects() ? "would break: " + whatIf.changes() : "safe to drop in");
     * }</pre>
     *
     * <p>A candidate that is a broken jar is no set-up problem: its row is {@code REJECTED} with
     * {@code INVALID_ARCHIVE}.
     *
     * @param candidates the paths of the candidates; each file or folder name at most once
     * @return the root's report, the candidates' rows and diagnostics, and the root plugins whose status
     *         would change
     * @throws HostSetupException    if the plugin root is missing or unreadable, or a candidate does not
     *                               exist, is neither a {@code .jar} file nor a folder holding a jar, has a
     *                               name starting with '.', is the plugin root itself, or has the same
     *                               name as another candidate
     * @throws IllegalStateException if the host is closed
     */
    public WhatIfReport whatIf(List<Path> candidates) {
        Objects.requireNonNull(candidates, "candidates");
        ensureOpen();
        List<Entry> entries = new WhatIfEntries().of(pluginRoot, List.copyOf(candidates));
        PlannedRoot before = checkedRoot();
        WhatIfRoots roots = new WhatIfPass(api, policy, io, discoveryCache, disabled).run(pluginRoot, before, entries);
        return assembler.whatIfReport(roots);
    }

    /** The root checked and planned, and on the audit trail. */
    private PlannedRoot checkedRoot() {
        PlannedRoot root = descriptorPass.run(pluginRoot);
        audit.checked(root);
        return root;
    }

    /**
     * Checks the root, then builds the layer of every sound plugin from a private copy of its files and
     * instantiates its providers, replacing whatever an earlier load built. Listeners receive
     * {@code LOADED} (or {@code RELOADED}), {@code REJECTED} and {@code FAILED} events.
     *
     * @return one report per entry (status {@code LOADED}, {@code FAILED}, {@code REJECTED} or {@code DISABLED})
     *         and every diagnostic
     * @throws HostSetupException    if the plugin root is missing or unreadable
     * @throws IllegalStateException if the host is closed, or closes while the load runs
     */
    public Report load() {
        LiveRegistry.Synchronization done = registry().loadAll();
        return assembler.loadReport(done.root(), done.outcome());
    }

    /**
     * Rebuilds one plugin from a fresh copy of its entry's current files, then the plugins that require
     * it, in dependency order. All-or-nothing: if the new files are rejected or fail, the live version
     * keeps serving and a {@code REJECTED} or {@code FAILED} event says why.
     *
     * @param pluginId the id of the plugin to rebuild
     * @return the events of this reload, also given to the listeners ({@code CLOSE_FAILED} included)
     * @throws NoSuchElementException if no entry holds a plugin with this id
     * @throws IllegalStateException  if the host is closed, or closes while the reload waits or runs
     */
    public List<PluginEvent> reload(String pluginId) {
        LiveRegistry current = registry();
        String source = current.sourceOf(pluginId)
                .orElseThrow(() -> new NoSuchElementException("no plugin '" + pluginId + "'"));
        return current.synchronize(Optional.of(Set.of(source)), Set.of(source)).events();
    }

    /**
     * Drops a live plugin's layer, after the layers of the live plugins that require it ({@code UNLOADED}
     * each, children first), and closes its {@link AutoCloseable} providers. A live plugin that only
     * {@code requires static} it is built again without it ({@code RELOADED}), and so are the plugins
     * built on that one, after it. It stays unloaded until its
     * files change (when watching) or the next {@link #load()} or {@link #reload(String)}.
     *
     * @param pluginId the id of a live plugin
     * @return the events of this unload, also given to the listeners ({@code CLOSE_FAILED} included)
     * @throws NoSuchElementException if the plugin is not live
     * @throws IllegalStateException  if the host is closed
     */
    public List<PluginEvent> unload(String pluginId) {
        return registry().unload(pluginId);
    }

    /**
     * Follows the plugin root until {@link #close()}: an entry whose files changed and then stayed still
     * for the quiet period is reloaded (or loaded, when new); a removed entry is unloaded; a plugin that the
     * root's {@code disabled.txt}, once changed and still for the quiet period, switches off is unloaded
     * (its dependents first), and one it switches on again is loaded. Usually called
     * after {@link #load()}; without it, the watcher loads the root's plugins once their files have been
     * still for the quiet period. Calling it again has no effect.
     *
     * @throws IllegalStateException if the host is closed
     */
    public void watch() {
        LiveRegistry current = registry();
        synchronized (lock) {
            ensureOpen();
            if (watcher == null) {
                watcher = new RootWatcher(pluginRoot, current, snapshots, quietPeriod, pollInterval, clock);
                watcher.start();
            }
        }
    }

    /**
     * Adds a listener for the events of loads, reloads, unloads and the watcher. What a listener throws
     * (an exception, an {@code AssertionError}, a {@code LinkageError}, a {@code StackOverflowError}) is
     * logged; the other listeners still receive the event, and the host goes on.
     *
     * @param listener receives every event from now on
     * @throws IllegalStateException if the host is closed
     */
    public void addListener(PluginListener listener) {
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        listeners.add(listener);
    }

    /**
     * Removes a listener added before.
     *
     * @param listener a listener given to {@link #addListener(PluginListener)}; any other is ignored
     */
    public void removeListener(PluginListener listener) {
        listeners.remove(listener);
    }

    /**
     * The instances of {@code type} that the live plugins provide, each with the plugin it came from,
     * parents before children. Empty before {@link #load()}. Safe to call from any thread.
     *
     * @param <S>  the service type
     * @param type the API layer's class of the service type
     * @return the live plugins' instances of {@code type}, each with its plugin's id and version
     * @throws IllegalArgumentException if {@code type} is not the API layer's class of that name but
     *                                  another class of the same name (another class loader's): the
     *                                  plugins implement the API layer's class, never {@code type}, so
     *                                  the answer would always be empty
     */
    public <S> List<PluginService<S>> services(Class<S> type) {
        Objects.requireNonNull(type, "type");
        api.requireApiClass(type, namedApiModules);
        List<PluginService<S>> services = new ArrayList<>();
        for (LoadedPlugin plugin : serving()) {
            if (lazyProviders && !plugin.serviceTypes().contains(type.getName())) {
                continue; // made only when a caller asks for a type the plugin provides
            }
            Providers.Made made = plugin.providers().get();
            if (made.failed()) {
                LiveRegistry current = registry;
                try {
                    if (current != null) {
                        current.providersFailed(plugin, made.failures());
                    }
                } catch (IllegalStateException closedOrInALoad) {
                    // the host closed meanwhile, or plugin code of a running load asks: the plugin is left out either way
                }
                continue;
            }
            for (Object instance : made.instances()) {
                if (type.isInstance(instance)) {
                    services.add(new PluginService<>(plugin.id(), plugin.version(), type.cast(instance)));
                }
            }
        }
        return List.copyOf(services);
    }

    /**
     * The plugins serving now, parents before children. Safe to call from any thread.
     *
     * @return one entry per live plugin
     */
    public List<LivePlugin> live() {
        return serving().stream()
                .map(p -> new LivePlugin(p.id(), p.version(), p.source(), p.serviceTypes()))
                .toList();
    }

    /**
     * The plugins serving now that provide {@code type}, parents before children: the plugins of one
     * category, such as every data source. Safe to call from any thread; runs no plugin code (unlike
     * {@link #services}, which makes lazy providers).
     *
     * <pre>{@code host.live(DataSource.class).forEach(p -> System.out.println(p.id() + " " + p.categories()));}</pre>
     *
     * @param type a service type of the API layer
     * @return the live plugins that provide it; empty after {@link #close()}
     */
    public List<LivePlugin> live(Class<?> type) {
        return live(Objects.requireNonNull(type, "type").getName());
    }

    /**
     * The plugins serving now that provide the service type of binary name {@code type}; see {@link #live(Class)}.
     *
     * @param type the binary name of a service type ({@code dev.layerhost.api.DataSource})
     * @return the live plugins that provide it; empty after {@link #close()}
     */
    public List<LivePlugin> live(String type) {
        Objects.requireNonNull(type, "type");
        return live().stream().filter(plugin -> plugin.provides(type)).toList();
    }

    /**
     * The version of a plugin that is serving now.
     *
     * @param pluginId a plugin's id
     * @return its live version; empty if it is not live or has no version
     */
    public Optional<String> liveVersion(String pluginId) {
        return serving().stream().filter(p -> p.id().equals(pluginId)).findFirst().flatMap(LoadedPlugin::version);
    }

    /**
     * The layer of a live plugin.
     *
     * @param pluginId a plugin's id
     * @return its layer; empty if it is not live
     */
    public Optional<ModuleLayer> layer(String pluginId) {
        return serving().stream().filter(p -> p.id().equals(pluginId)).map(LoadedPlugin::layer).findFirst();
    }

    /**
     * The service types a plugin may provide: the binary names of the public types in the packages the
     * API modules export, sorted ({@code ["dev.layerhost.api.DataSource", ...]}). The host's own API
     * classes are looked at; no plugin is.
     *
     * @return the binary names of the API layer's service types
     */
    public List<String> apiServiceTypes() {
        return api.serviceTypes();
    }

    /**
     * The API layer, the parent of every plugin layer: the layer the builder named, or, with API paths,
     * a layer of their modules on top of it. With API paths, look the service types up here
     * ({@code apiLayer().findLoader(module).loadClass(name)}): they are not the host's own classes.
     *
     * @return the parent of every plugin layer
     */
    public ModuleLayer apiLayer() {
        return api.layer();
    }

    /**
     * Closes the host, waiting at most the builder's {@linkplain Builder#closeTimeout close timeout} for
     * plugin code; see {@link #close(Duration)}.
     */
    @Override
    public void close() {
        close(closeTimeout);
    }

    /**
     * Stops watching, drops every reference to the plugins' layers, their class loaders and their service
     * instances so that they can be collected, closes their {@link AutoCloseable} providers, and deletes
     * the private copies of their files. Waits at most {@code timeout} for plugin code that is running (a
     * provider's constructor in a load, a provider's {@code close()}); the host is closed and its files
     * deleted when this returns, whatever that code does later. A closed host cannot be used again;
     * closing twice is harmless.
     *
     * @param timeout how long to wait for plugin code that is running
     * @return whether every plugin was closed within {@code timeout}: {@code false} if plugin code still
     *         runs (it then finds the host closed, and what it built is dropped when it returns). A second
     *         call returns at once: the first call's answer, or {@code false} while the first still waits
     */
    public boolean close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        // A second close returns at once, even while the first still waits for plugin code to return.
        if (!closed.compareAndSet(false, true)) {
            return closedInTime.getNow(false);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        RootWatcher closingWatcher;
        LiveRegistry closingRegistry;
        SnapshotStore closingSnapshots;
        synchronized (lock) {
            closingWatcher = watcher;
            closingRegistry = registry;
            closingSnapshots = snapshots;
            watcher = null;
            registry = null;
            snapshots = null;
        }
        boolean inTime = true;
        // Outside the lock: the watcher's thread may be delivering an event to a listener that calls us.
        if (closingWatcher != null) {
            inTime = closingWatcher.close(remaining(deadline));
        }
        if (closingRegistry != null) {
            inTime &= closingRegistry.close(remaining(deadline));
        }
        if (closingSnapshots != null) {
            closingSnapshots.close();
        }
        // Not shutdownNow(): a copy or read queued by a load that still runs must complete, or its caller
        // would wait for it forever; they are file I/O only, and the snapshot store refuses new copies.
        io.shutdown();
        auditLogs.forEach(AuditLogFile::close);
        closedInTime.complete(inTime);
        return inTime;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private List<LoadedPlugin> serving() {
        LiveRegistry current = registry;
        return current == null ? List.of() : current.serving();
    }

    private LiveRegistry registry() {
        synchronized (lock) {
            ensureOpen();
            if (registry == null) {
                snapshots = new SnapshotStore(workDirectory, cacheDirectory, discoveryCache);
                registry = new LiveRegistry(pluginRoot, api, policy, lazyProviders, snapshots, discoveryCache, io,
                        this::announce, audit, clock, disabled);
            }
            return registry;
        }
    }

    private void announce(PluginEvent event) {
        for (PluginListener listener : listeners) {
            // One failing listener must not keep the event from the listeners after it.
            try {
                listener.onEvent(event);
            } catch (RuntimeException | Error e) {
                // The JVM's own failures are not the listener's; anything else it throws is.
                if (e instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
                log.warn("A plugin listener failed on {} of '{}': {}", event.kind(), event.pluginOrSource(),
                        e.toString());
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("plugin host is closed");
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Builds a {@link PluginHost}. The plugin root and the API are required: name the API with
     * {@link #apiModule(Module)} (the usual choice for a host application on the module path),
     * {@link #apiLayer(ModuleLayer, Set)}, or {@link #apiPath(Path)}.
     */
    public static final class Builder {
        private Path pluginRoot;
        private ModuleLayer apiLayer;
        private final Set<String> apiModules = new LinkedHashSet<>();
        private final List<Path> apiPaths = new ArrayList<>();
        private Policy policy = Policy.permissive();
        private Path workDirectory;
        private Path cacheDirectory;
        private boolean lazyProviders;
        private Duration quietPeriod = Duration.ofSeconds(1);
        private Duration pollInterval = Duration.ofMillis(100);
        private Duration closeTimeout = Duration.ofSeconds(10);
        private final List<Path> auditLogs = new ArrayList<>();
        private final List<AuditSink> auditSinks = new ArrayList<>();
        private Set<String> disabledPlugins = Set.of();

        private Builder() {
        }

        /**
         * The plugin root: a folder whose jars and sub-folders are plugin candidates. Required.
         *
         * @param root the plugin root
         * @return this builder
         */
        public Builder pluginRoot(Path root) {
            this.pluginRoot = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * A module of the host's own whose exported types are service types plugins provide: its layer
         * becomes the API layer (the parent of every plugin layer), so {@link PluginHost#services(Class)}
         * finds providers by the host's own classes. Repeatable, for modules of one layer.
         *
         * <pre>{@code builder.apiModule(Greeter.class.getModule())}</pre>
         *
         * @param module a named module of the host's, on the module path or in a layer of its making
         * @return this builder
         * @throws IllegalArgumentException if the module is unnamed (its classes are on the class path: a
         *                                  layer cannot be built on them; use {@link #apiPath(Path)}), or
         *                                  another layer's than an API module named before
         */
        public Builder apiModule(Module module) {
            Objects.requireNonNull(module, "module");
            if (!module.isNamed() || module.getLayer() == null) {
                throw new IllegalArgumentException(module + " is not a named module of a layer: put the API on"
                        + " the module path. (apiPath(apiJar) also works, but its layer defines its own API classes:"
                        + " services(...) then needs those, from apiLayer(), not the host's own)");
            }
            if (apiLayer != null && apiLayer != module.getLayer()) {
                throw new IllegalArgumentException("module " + module.getName() + " is in another layer than "
                        + String.join(", ", apiModules) + "; name API modules of one layer");
            }
            apiLayer = module.getLayer();
            apiModules.add(module.getName());
            return this;
        }

        /**
         * An API layer of the host's own making, whose modules {@code apiModules} hold the service types:
         * for hosts that build their API layer themselves. Replaces what {@link #apiModule} named.
         *
         * @param layer      the API layer
         * @param apiModules the names of its modules that hold the service types
         * @return this builder
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
            this.apiModules.clear();
            this.apiModules.addAll(apiModules);
            return this;
        }

        /**
         * Adds the modules of a jar, or of a folder of jars, to the API layer, in a layer of their own on
         * top of the named API layer (or of the boot layer). Repeatable; the CLI's {@code --api}. For hosts
         * that do not have the API types themselves (a tool that checks plugins, say): the types plugins
         * implement are then the API layer's, not any class of the host's; see {@link PluginHost#apiLayer()}.
         *
         * @param path a jar, or a folder of jars
         * @return this builder
         */
        public Builder apiPath(Path path) {
            apiPaths.add(Objects.requireNonNull(path, "path"));
            return this;
        }

        /**
         * What the host refuses to load. Defaults to {@link Policy#permissive()}.
         *
         * @param policy the policy every check applies
         * @return this builder
         */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Where the private copies of plugin files go (layers are defined from them, so the originals can
         * be replaced at any time): a new folder inside {@code directory}, deleted on
         * {@link PluginHost#close()}; {@code directory} itself stays. The copies are hard links to the
         * cache's content store where the file system allows, so {@code directory} is best on the cache
         * folder's file system. Default: a new folder in the cache folder.
         *
         * @param directory an existing folder the host may create a folder in
         * @return this builder
         */
        public Builder workDirectory(Path directory) {
            this.workDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Whether {@link PluginHost#load()} and reloads only define the plugins' layers, and each plugin's
         * providers are made when {@link PluginHost#services(Class)} first asks for a service type it
         * provides (on the calling thread). Default {@code false}: providers are made while loading, so a
         * constructor that throws makes the plugin {@code FAILED} in the load's report, and a reload whose
         * new providers fail keeps the old version serving.
         *
         * <p>Lazy, a load runs no plugin code and costs a fraction (see BENCHMARKS.md); what changes: a
         * provider that throws when first asked for makes its plugin stop serving then (the plugins that
         * require it unloaded first, those that only {@code requires static} it built again without it), with a {@code FAILED} event carrying {@code PROVIDER_FAILED}, and
         * {@code services} leaves it out; a reload replaces the old version once the new layer is defined,
         * before any new provider has run.
         *
         * @param lazy whether providers are made when first asked for instead of while loading
         * @return this builder
         */
        public Builder lazyProviders(boolean lazy) {
            this.lazyProviders = lazy;
            return this;
        }

        /**
         * The cache folder, shared by the hosts that use it over time: an index of what each jar read
         * is (by path, size, times and file key; never stale, see README "Discovery cache") and
         * copies of jars by content, so that a host over an unchanged root neither reads nor copies a
         * jar again. Deleting it at any time when no host runs is safe. Default:
         * {@code $XDG_CACHE_HOME/layerhost}, or {@code ~/.cache/layerhost}; when that cannot be
         * created, the host keeps its cache in memory and its copies in its work folder.
         *
         * @param directory the cache folder; created if missing
         * @return this builder
         */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * How long an entry's files must stay unchanged before {@link PluginHost#watch()} takes them.
         * Default: one second. A jar that does not end like a complete zip must stay still ten times as long.
         *
         * @param quietPeriod how long files must stay unchanged; zero or more
         * @return this builder
         * @throws IllegalArgumentException if {@code quietPeriod} is negative
         */
        public Builder quietPeriod(Duration quietPeriod) {
            if (quietPeriod.isNegative()) {
                throw new IllegalArgumentException("quiet period must not be negative: " + quietPeriod);
            }
            this.quietPeriod = quietPeriod;
            return this;
        }

        /**
         * How often the watcher looks at the root even without file events. Default: 100 ms.
         *
         * @param pollInterval the time between two looks; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code pollInterval} is zero or negative
         */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * How long {@link PluginHost#close()} waits for plugin code that is running. Default: ten seconds.
         *
         * @param closeTimeout the longest wait; zero or more
         * @return this builder
         * @throws IllegalArgumentException if {@code closeTimeout} is negative
         */
        public Builder closeTimeout(Duration closeTimeout) {
            if (closeTimeout.isNegative()) {
                throw new IllegalArgumentException("close timeout must not be negative: " + closeTimeout);
            }
            this.closeTimeout = closeTimeout;
            return this;
        }

        /**
         * Appends an audit record to {@code file} for everything the host finds and does: one JSON object
         * per line (SPEC "Audit log"), for every entry a pass reads ({@code DISCOVERED}, with the check's
         * verdict), and every load, reload, unload, rejection and failure, each with the entry's jars (name,
         * size, SHA-256, signer). The file is created if missing and only ever appended to; each line is
         * written whole as it happens, so a process killed at any moment leaves every earlier line intact;
         * lines are forced to the device ({@code fsync}) at the end of every pass and on close. The CLI's
         * {@code --audit-log}. Repeatable: every file gets every record.
         *
         * <pre>{@code builder.auditLog(Path.of("/var/log/myapp/plugins-audit.jsonl"))}</pre>
         *
         * <p>Hashing and verifying the jars costs a read of every byte of each new jar; with no audit log
         * and no sink, nothing of it is done.
         *
         * @param file the audit log file; its folder must exist
         * @return this builder
         */
        public Builder auditLog(Path file) {
            auditLogs.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Gives every audit record (see {@link #auditLog(Path)}) to {@code sink} as well, as it happens:
         * for a host that keeps its audit trail elsewhere than in a file. Repeatable.
         *
         * @param sink receives every audit record
         * @return this builder
         */
        public Builder auditSink(AuditSink sink) {
            auditSinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * Plugin ids to switch off, for a host that keeps its list elsewhere than in the plugin root's
         * {@code disabled.txt}; the file is honoured as well (an id in either is disabled). A disabled
         * plugin has status {@link PluginStatus#DISABLED}: no layer, none of its code runs, and the plugins
         * that require it are rejected with {@code DEPENDENCY_REJECTED}. Replaces the ids given before.
         *
         * <pre>{@code builder.disabledPlugins(Set.of("p.csv"))}</pre>
         *
         * @param pluginIds the ids of the plugins to switch off
         * @return this builder
         */
        public Builder disabledPlugins(Set<String> pluginIds) {
            this.disabledPlugins = Set.copyOf(Objects.requireNonNull(pluginIds, "pluginIds"));
            return this;
        }

        /**
         * The host, with its API layer built and its audit logs opened.
         *
         * @return a new host, to be closed by its owner
         * @throws IllegalStateException if no plugin root or no API was named
         * @throws HostSetupException    if an API path is missing, empty, or does not resolve, or an audit log
         *                               cannot be opened for appending
         */
        public PluginHost build() {
            if (pluginRoot == null) {
                throw new IllegalStateException("pluginRoot is required");
            }
            if (apiLayer == null && apiPaths.isEmpty()) {
                throw new IllegalStateException("name the plugins' API: apiModule(MyService.class.getModule()),"
                        + " apiLayer(layer, moduleNames) or apiPath(apiJar)");
            }
            ApiLayer base = apiLayer != null ? ApiLayer.of(apiLayer, apiModules) : ApiLayer.boot();
            ApiLayer api = base.extendedWith(apiPaths);
            List<AuditLogFile> opened = new ArrayList<>();
            try {
                for (Path file : auditLogs) {
                    opened.add(AuditLogFile.open(file));
                }
            } catch (RuntimeException e) {
                opened.forEach(AuditLogFile::close);
                throw e;
            }
            return new PluginHost(this, api, opened);
        }
    }
}

package dev.layerhost.bench;

import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginHost;
import dev.layerhost.core.PluginService;
import dev.layerhost.core.PluginStatus;
import dev.layerhost.core.Report;
import dev.layerhost.pluginbuilder.DataSourcePlugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Times layerhost through its embedding API: reload latency under {@code watch()}, {@code reload(id)}, {@code load()}. */
final class LayerhostRuns {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final int WATCH_WARM_UP = 2;

    /** An event, and when the listener saw it ({@link System#nanoTime()}). */
    private record Arrival(PluginEvent event, long nanos) {
    }

    /**
     * Loads {@code root}, watches it, then {@code changes} times replaces {@code jarName} atomically (the
     * new jar is copied to a hidden name in the root first, then moved over the old one) with
     * {@code variants} in turn, and times each move up to the {@code RELOADED} event of the plugin in
     * that variant's version. Two untimed changes come first.
     *
     * @param variants jars of plugin {@code pluginId} with their versions, used in turn
     */
    Samples watchLatency(Path root, String pluginId, String jarName, List<Variant> variants, Duration quietPeriod,
                         int changes, int expectedPlugins) {
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        Samples.Recorder recorder = new Samples.Recorder();
        try (PluginHost host = PluginHost.builder().pluginRoot(root).apiPath(Fixtures.apiLocation())
                .quietPeriod(quietPeriod).build()) {
            host.addListener(event -> arrivals.add(new Arrival(event, System.nanoTime())));
            requireLoaded(host.load(), expectedPlugins, root);
            host.watch();
            Path target = root.resolve(jarName);
            Path hidden = root.resolve("." + jarName + ".tmp");
            for (int change = 0; change < WATCH_WARM_UP + changes; change++) {
                Variant variant = variants.get(change % variants.size());
                Files.copy(variant.jar(), hidden, StandardCopyOption.REPLACE_EXISTING);
                arrivals.clear();
                long start = System.nanoTime();
                Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
                long arrived = awaitReloaded(arrivals, pluginId, variant.version());
                if (change >= WATCH_WARM_UP) {
                    recorder.add(arrived - start);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace a plugin jar in " + root, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a reload", e);
        }
        return recorder.samples();
    }

    /** A jar of the watched plugin and the version it holds. */
    record Variant(Path jar, String version) {
    }

    /**
     * Loads {@code root}, then times {@code host.reload(pluginId)} {@code count} times after {@code warmUp}
     * untimed reloads.
     */
    Samples reloads(Path root, String pluginId, int warmUp, int count, int expectedPlugins, boolean lazy) {
        Samples.Recorder recorder = new Samples.Recorder();
        try (PluginHost host = host(root, lazy, Optional.empty())) {
            requireLoaded(host.load(), expectedPlugins, root);
            for (int run = 0; run < warmUp + count; run++) {
                long start = System.nanoTime();
                List<PluginEvent> events = host.reload(pluginId);
                long took = System.nanoTime() - start;
                if (events.stream().noneMatch(event -> event.kind() == PluginEvent.Kind.RELOADED)) {
                    throw new IllegalStateException("reload of " + pluginId + " gave " + events);
                }
                if (run >= warmUp) {
                    recorder.add(took);
                }
            }
        }
        return recorder.samples();
    }

    /** How a load is timed. */
    enum LoadKind {
        /** {@code load()}, providers made while loading (the default). */
        EAGER,
        /** {@code load()} with {@code lazyProviders(true)}: layers defined, no plugin code run. */
        LAZY,
        /** The same, then {@code services(DataSource)} and one call of each: what PF4J's getExtensions row does. */
        LAZY_SERVED,
        /** Eager, by a host with a new, empty cache folder: every jar read and copied. */
        COLD
    }

    /**
     * Times {@code load()} of {@code root} by a new host (building the host, which makes its API layer,
     * is not timed; closing it neither).
     *
     * @return nanoseconds
     */
    long load(Path root, int expectedPlugins, LoadKind kind) {
        Optional<Path> cache = Optional.empty();
        try {
            if (kind == LoadKind.COLD) {
                cache = Optional.of(Files.createTempDirectory("layerhost-bench-cache-"));
            }
            boolean lazy = kind == LoadKind.LAZY || kind == LoadKind.LAZY_SERVED;
            try (PluginHost host = host(root, lazy, cache)) {
                long start = System.nanoTime();
                Report report = host.load();
                if (kind == LoadKind.LAZY_SERVED) {
                    callEach(host, expectedPlugins);
                }
                long took = System.nanoTime() - start;
                requireLoaded(report, expectedPlugins, root);
                if (kind != LoadKind.LAZY_SERVED) {
                    callEach(host, expectedPlugins);
                }
                return took;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a cache folder", e);
        } finally {
            cache.ifPresent(Bench::delete);
        }
    }

    /** Times {@code scan()} (what {@code list} and {@code doctor} do) of {@code root} by a new host. */
    long scan(Path root, int expectedPlugins) {
        try (PluginHost host = host(root, false, Optional.empty())) {
            long start = System.nanoTime();
            Report report = host.scan();
            long took = System.nanoTime() - start;
            long ok = report.plugins().stream().filter(plugin -> plugin.status() == PluginStatus.OK).count();
            if (ok != expectedPlugins) {
                throw new IllegalStateException("scan found " + ok + " sound plugins of " + expectedPlugins);
            }
            return took;
        }
    }

    /**
     * The heap that an eager load of {@code root} keeps while its host is open, services made and called
     * once: used heap after a full collection, with the host open, less before it was built.
     */
    long retainedHeap(Path root, int expectedPlugins) {
        long before = HeapProbe.usedAfterCollection();
        try (PluginHost host = host(root, false, Optional.empty())) {
            requireLoaded(host.load(), expectedPlugins, root);
            callEach(host, expectedPlugins);
            return HeapProbe.usedAfterCollection() - before;
        }
    }

    private static PluginHost host(Path root, boolean lazy, Optional<Path> cache) {
        PluginHost.Builder builder = PluginHost.builder().pluginRoot(root).apiPath(Fixtures.apiLocation())
                .lazyProviders(lazy);
        cache.ifPresent(builder::cacheDirectory);
        return builder.build();
    }

    private static long awaitReloaded(BlockingQueue<Arrival> arrivals, String pluginId, String version)
            throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (true) {
            Arrival arrival = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (arrival == null) {
                throw new IllegalStateException("no RELOADED of " + pluginId + " " + version + " within " + EVENT_TIMEOUT);
            }
            PluginEvent event = arrival.event();
            if (!event.plugin().equals(Optional.of(pluginId))) {
                continue;
            }
            if (event.kind() == PluginEvent.Kind.RELOADED && event.version().equals(Optional.of(version))) {
                return arrival.nanos();
            }
            if (event.kind() != PluginEvent.Kind.RELOADED) {
                throw new IllegalStateException("expected RELOADED of " + pluginId + " " + version + ", got " + event);
            }
        }
    }

    private static void requireLoaded(Report report, int expected, Path root) {
        long loaded = report.plugins().stream().filter(plugin -> plugin.status() == PluginStatus.LOADED).count();
        if (loaded != expected || !report.diagnostics().isEmpty()) {
            throw new IllegalStateException("layerhost loaded " + loaded + " of " + expected + " plugins of " + root
                    + ": " + report.diagnostics());
        }
    }

    /**
     * Gets every data source and calls {@code name()} once on each. The bench runs on the class path, so
     * its {@code DataSource} is not the API layer's: the service type is looked up in the API layer.
     */
    private static void callEach(PluginHost host, int expected) {
        try {
            Class<?> service = host.apiLayer().findLoader("layerhost.api").loadClass(DataSourcePlugins.SERVICE);
            Method name = service.getMethod("name");
            List<? extends PluginService<?>> services = host.services(service);
            if (services.size() != expected) {
                throw new IllegalStateException("layerhost serves " + services.size() + " data sources, expected " + expected);
            }
            for (PluginService<?> each : services) {
                if (name.invoke(each.service()) == null) {
                    throw new IllegalStateException(each.plugin() + " has no name");
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the API layer has no " + DataSourcePlugins.SERVICE, e);
        }
    }
}

package com.example.host;

import dev.layerhost.api.DataSource;
import dev.layerhost.core.LivePlugin;
import dev.layerhost.core.PluginChange;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginHost;
import dev.layerhost.core.PluginReport;
import dev.layerhost.core.PluginService;
import dev.layerhost.core.Report;
import dev.layerhost.core.WhatIfReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The guide's lifecycle examples: lazy providers, following a root, unloading, closing with a bound,
 * a tool that has no API types of its own, and a what-if before installing a plugin. Each method is one snippet of {@code docs/guide.md}.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** A host that defines layers on load and makes each plugin's providers only when asked for. */
    public static List<PluginService<DataSource>> lazily(Path root) {
        // tag::lazy[]
        try (PluginHost host = PluginHost.builder()
                .pluginRoot(root)
                .apiModule(DataSource.class.getModule())
                .lazyProviders(true)                       // load() runs no plugin code
                .build()) {
            host.load();
            return host.services(DataSource.class);        // the providers of DataSource plugins are made now
        }
        // end::lazy[]
    }

    /** Follows the root until {@code running} is over: reloads, loads and unloads as files change. */
    public static void follow(Path root, Duration running) throws InterruptedException {
        // tag::watch[]
        try (PluginHost host = PluginHost.builder()
                .pluginRoot(root)
                .apiModule(DataSource.class.getModule())
                .quietPeriod(Duration.ofMillis(500))        // a changed entry is taken once still this long
                .build()) {
            host.addListener(event -> {
                if (event.kind() == PluginEvent.Kind.RELOADED) {
                    System.err.println(event.pluginOrSource() + " " + event.previousVersion().orElse("-")
                            + " -> " + event.version().orElse("-"));
                } else if (event.kind() == PluginEvent.Kind.REJECTED || event.kind() == PluginEvent.Kind.FAILED) {
                    // all-or-nothing: previousVersion() is the version that kept serving, empty when none did;
                    // host.liveVersion(id) asked later may already name a newer one
                    System.err.println(event.pluginOrSource() + " " + event.kind() + ": " + event.diagnostics()
                            + event.previousVersion().map(version -> "; " + version + " keeps serving").orElse(""));
                }
            });
            host.load();
            host.watch();                                   // a daemon thread, stopped by close()
            Thread.sleep(running.toMillis());
        }
        // end::watch[]
    }

    /** Unloads {@code pluginId} (and the live plugins that require it, children first). */
    public static List<PluginEvent> unload(PluginHost host, String pluginId) {
        // tag::unload[]
        Optional<String> serving = host.liveVersion(pluginId);
        List<PluginEvent> events = host.unload(pluginId);   // UNLOADED for it and every plugin that requires it
        List<LivePlugin> left = host.live();
        // end::unload[]
        System.err.println("unloaded " + pluginId + " " + serving.orElse("-") + "; " + left.size() + " left");
        return events;
    }

    /** Closes {@code host}, waiting at most five seconds for plugin code that still runs. */
    public static boolean closePatiently(PluginHost host) {
        // tag::close[]
        boolean pluginCodeReturned = host.close(Duration.ofSeconds(5));
        // false: a provider's constructor or close() outlived the bound; the host is closed all the same
        // end::close[]
        return pluginCodeReturned;
    }

    /** A checker that does not have the API types: the API comes from a jar, the services are not used. */
    public static Report check(Path root, Path apiJar) {
        // tag::api-path[]
        try (PluginHost host = PluginHost.builder()
                .pluginRoot(root)
                .apiPath(apiJar)                           // the API modules in a layer of their own
                .build()) {
            return host.scan();                            // no plugin code runs
        }
        // end::api-path[]
    }

    /**
     * The plugins of one category with what their manifests say, without running plugin code, and a host
     * that keeps two plugins switched off.
     */
    public static void catalog(Path root, PrintStream out) {
        // tag::catalog[]
        try (PluginHost host = PluginHost.builder()
                .pluginRoot(root)
                .apiModule(DataSource.class.getModule())
                .disabledPlugins(Set.of("p.legacy", "p.experimental"))  // as well as the root's disabled.txt
                .build()) {
            Report report = host.scan();                                // reads descriptors and manifests only
            for (PluginReport plugin : report.pluginsProviding(DataSource.class)) {
                out.println(plugin.id().orElse("-") + " " + plugin.status() + " " + plugin.categories() + " "
                        + plugin.metadata().description().orElse("(no description)")
                        + plugin.metadata().vendor().map(vendor -> " by " + vendor).orElse(""));
            }
            host.load();
            for (LivePlugin live : host.live(DataSource.class)) {        // the data sources serving now
                out.println(live.id() + " " + live.version().orElse("-") + " serves " + live.categories());
            }
        }
        // end::catalog[]
    }

    /**
     * Whether a new build may be dropped into the root: the candidate checked beside the root's plugins
     * (replacing the entry of its name and of its plugin id), without touching the root or running code.
     *
     * @return whether the candidate would reject no plugin, itself included
     */
    public static boolean safeToInstall(Path root, Path candidate, PrintStream out) {
        // tag::what-if[]
        try (PluginHost host = PluginHost.builder()
                .pluginRoot(root)
                .apiModule(DataSource.class.getModule())
                .build()) {
            WhatIfReport whatIf = host.whatIf(List.of(candidate));  // descriptors only; the root stays as it is
            for (PluginReport row : whatIf.candidates()) {
                out.println(row.source() + " " + row.status() + ", replaces "
                        + whatIf.replacedBy(row).stream().map(PluginReport::source).toList());
            }
            for (PluginChange change : whatIf.changes()) {          // root plugins whose status would change
                out.println(change.source() + " " + change.before() + " -> " + change.after());
                change.diagnostics().forEach(problem -> out.println("    " + problem.code() + ": " + problem.message()));
            }
            return !whatIf.rejects();
        }
        // end::what-if[]
    }
}

package com.example.host;

import dev.layerhost.api.DataSource;
import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginHost;
import dev.layerhost.core.PluginService;
import dev.layerhost.core.Policy;
import dev.layerhost.core.Report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The guide's host application: loads the plugins of a root and prints each {@link DataSource} plugin's
 * name and schemes, and every diagnostic.
 *
 * <pre>{@code
 * java --module-path <host, layerhost.core, layerhost.api, slf4j, jackson-core> -m com.example.host plugins
 * }</pre>
 */
public final class HostApplication {

    private HostApplication() {
    }

    /**
     * Loads the plugin root {@code args[0]} (default {@code plugins}) and prints, for each data source,
     * its plugin, version, name and schemes. Exits 1 if the root has an error.
     */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "plugins");
        System.exit(run(root, System.out, System.err));
    }

    /**
     * What {@link #main} does, writing to {@code out} and {@code err}.
     *
     * @return 1 if an error diagnostic names a plugin of the root, else 0
     */
    public static int run(Path root, PrintStream out, PrintStream err) {
        // tag::embed[]
        try (PluginHost host = PluginHost.builder()
                .pluginRoot(root)
                .apiModule(DataSource.class.getModule())   // the host's own API module is the API layer
                .policy(Policy.denying(Set.of("java.sql")))
                .build()) {
            Report report = host.load();                   // scan() and graph() never run plugin code
            for (Diagnostic diagnostic : report.diagnostics()) {
                err.println(diagnostic.code() + " " + diagnostic.source() + ": " + diagnostic.message());
            }
            for (PluginService<DataSource> source : host.services(DataSource.class)) {
                DataSource dataSource = source.service();         // the plugin's provider, of the host's own type
                out.println(source.plugin() + " " + source.version().orElse("-") + ": " + dataSource.name()
                        + " " + dataSource.schemes());
            }
            return report.hasErrors() ? 1 : 0;
        }   // close() closes AutoCloseable providers, drops every layer, loader and instance, deletes the copies
        // end::embed[]
    }

    /**
     * Prints every event of {@code host} to {@code out}, and returns the events a reload of
     * {@code pluginId} caused.
     */
    public static List<PluginEvent> reloadAndFollow(PluginHost host, String pluginId, PrintStream out) {
        // tag::events[]
        host.addListener(event -> out.println(event.kind() + " " + event.pluginOrSource() + " "
                + event.version().orElse("-") + " " + event.diagnostics().size() + " diagnostic(s)"));
        List<PluginEvent> events = host.reload(pluginId);  // all-or-nothing: on REJECTED or FAILED the old version serves on
        // end::events[]
        return events;
    }
}

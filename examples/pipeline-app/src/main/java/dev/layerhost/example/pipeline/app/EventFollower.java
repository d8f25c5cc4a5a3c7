package dev.layerhost.example.pipeline.app;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginHost;
import dev.layerhost.core.PluginListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host's listener while the application watches: prints each event, and asks for the job to run
 * again when a plugin was loaded or reloaded, so that the run uses the version now serving.
 */
final class EventFollower implements PluginListener {

    private final PluginHost host;
    private final Console console;
    private final JobRequests requests;

    EventFollower(PluginHost host, Console console, JobRequests requests) {
        this.host = host;
        this.console = console;
        this.requests = requests;
    }

    @Override
    public void onEvent(PluginEvent event) {
        String plugin = event.pluginOrSource() + " " + event.version().orElse("-");
        List<String> lines = new ArrayList<>();
        lines.add("event " + event.kind() + " " + plugin + " (" + event.source() + ")");
        for (Diagnostic diagnostic : event.diagnostics()) {
            lines.add("  " + diagnostic.severity() + " " + diagnostic.code() + " " + diagnostic.message());
        }
        if (event.kind() == PluginEvent.Kind.REJECTED || event.kind() == PluginEvent.Kind.FAILED) {
            Optional<String> serving = event.plugin().flatMap(host::liveVersion);
            serving.ifPresent(version -> lines.add("  " + event.pluginOrSource() + " " + version + " keeps serving"));
        }
        console.print(lines);
        if (event.kind() == PluginEvent.Kind.LOADED || event.kind() == PluginEvent.Kind.RELOADED) {
            requests.request(event.kind() + " " + plugin);
        }
    }
}

package dev.layerhost.example.pipeline.app;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginListener;

import java.util.ArrayList;
import java.util.List;

/**
 * The host's listener while the application watches: prints each event, and asks for the job to run
 * again when a plugin was loaded or reloaded, so that the run uses the version now serving.
 */
final class EventFollower implements PluginListener {

    private final Console console;
    private final JobRequests requests;

    EventFollower(Console console, JobRequests requests) {
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
        // The event says which version kept serving when it happened; asking the host now could name a
        // version that a later pass has already replaced.
        if (event.kind() == PluginEvent.Kind.REJECTED || event.kind() == PluginEvent.Kind.FAILED) {
            event.previousVersion().ifPresent(
                    version -> lines.add("  " + event.pluginOrSource() + " " + version + " keeps serving"));
        }
        console.print(lines);
        if (event.kind() == PluginEvent.Kind.LOADED || event.kind() == PluginEvent.Kind.RELOADED) {
            requests.request(event.kind() + " " + plugin);
        }
    }
}

package dev.layerhost.cli;

import dev.layerhost.core.PluginHost;
import dev.layerhost.core.Report;
import dev.layerhost.core.VisibleText;

import java.io.PrintWriter;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code layerhost list}: one row per plugin with its status; never runs plugin code. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Discover and check the plugins of a root; one row per plugin with its status."
                + " Never runs plugin code.")
final class ListCommand extends Verb {

    @Option(names = "--service", paramLabel = "TYPE",
            description = "Show only the plugins that provide this service type: a binary name"
                    + " (dev.layerhost.api.DataSource), or a simple name (DataSource) that one API type has.")
    String service;

    @Option(names = {"-l", "--long"},
            description = "Show each plugin's metadata (description, vendor, licence, homepage) below its row.")
    boolean longForm;

    @Override
    int run(PluginHost host, PrintWriter out) {
        Optional<String> type = Optional.empty();
        if (service != null) {
            // before the scan: a mistyped name is said at once, whatever the root holds
            ServiceTypeChoice.Result chosen = ServiceTypeChoice.choose(service, host.apiServiceTypes());
            if (chosen.type().isEmpty()) {
                spec.commandLine().getErr().println("layerhost: " + VisibleText.escape(chosen.problem()));
                return ExitCodes.USAGE;
            }
            type = chosen.type();
        }
        Report report = host.scan();
        if (type.isPresent()) {
            // the selected plugins' rows, and the diagnostics of their entries only: what concerns them
            report = report.restrictedTo(report.pluginsProviding(type.get()));
        }
        if (options.json) {
            new JsonRenderer().report(report, out);
        } else {
            TextRenderer text = new TextRenderer(out);
            text.pluginTable(report, longForm);
            text.errorsInBrief(report);
        }
        return report.hasErrors() ? ExitCodes.ERRORS : ExitCodes.OK;
    }
}

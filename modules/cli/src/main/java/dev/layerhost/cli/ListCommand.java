package dev.layerhost.cli;

import dev.layerhost.core.PluginHost;
import dev.layerhost.core.Report;

import java.io.PrintWriter;

import picocli.CommandLine.Command;

/** {@code layerhost list}: one row per plugin with its status; never runs plugin code. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Discover and check the plugins of a root; one row per plugin with its status."
                + " Never runs plugin code.")
final class ListCommand extends Verb {

    @Override
    int run(PluginHost host, PrintWriter out) {
        Report report = host.scan();
        if (options.json) {
            new JsonRenderer().report(report, out);
        } else {
            TextRenderer text = new TextRenderer(out);
            text.pluginTable(report);
            text.errorsInBrief(report);
        }
        return report.hasErrors() ? ExitCodes.ERRORS : ExitCodes.OK;
    }
}

package dev.layerhost.cli;

import dev.layerhost.core.PluginHost;
import dev.layerhost.core.Report;

import java.io.PrintWriter;

import picocli.CommandLine.Command;

/** {@code layerhost load}: builds every sound plugin's layer and instantiates its providers. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Build the layer of every sound plugin and instantiate its providers; status per plugin."
                + " Runs plugin code.")
final class LoadCommand extends Verb {

    @Override
    int run(PluginHost host, PrintWriter out) {
        Report report = host.load();
        if (options.json) {
            new JsonRenderer().report(report, out);
        } else {
            new TextRenderer(out).loadReport(report);
        }
        return report.hasErrors() ? ExitCodes.ERRORS : ExitCodes.OK;
    }
}

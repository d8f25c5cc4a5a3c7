package dev.layerhost.cli;

import dev.layerhost.core.PluginHost;
import dev.layerhost.core.Report;

import java.io.PrintWriter;

import picocli.CommandLine.Command;

/** {@code layerhost doctor}: every diagnostic with a hint; exit 1 on any error; never runs plugin code. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the plugins of a root and print every problem with a hint how to fix it."
                + " Exit 1 on any error. Never runs plugin code.")
final class DoctorCommand extends Verb {

    @Override
    int run(PluginHost host, PrintWriter out) {
        Report report = host.scan();
        if (options.json) {
            new JsonRenderer().report(report, out);
        } else {
            new TextRenderer(out).doctor(report);
        }
        return report.hasErrors() ? ExitCodes.ERRORS : ExitCodes.OK;
    }
}

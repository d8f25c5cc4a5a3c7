package dev.layerhost.cli;

import dev.layerhost.core.PluginHost;
import dev.layerhost.core.Report;
import dev.layerhost.core.WhatIfReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code layerhost doctor}: every diagnostic with a hint; exit 1 on any error; never runs plugin code. With
 * {@code --candidate}, a what-if ({@link PluginHost#whatIf}): the root's report, then what the candidates
 * would do to it; exit 1 only if they would reject a plugin.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the plugins of a root and print every problem with a hint how to fix it."
                + " Exit 1 on any error. Never runs plugin code.")
final class DoctorCommand extends Verb {

    @Option(names = "--candidate", paramLabel = "PATH",
            description = "What if this jar or folder of jars were dropped into the root, replacing the entry of its"
                    + " name and the one holding its plugin id? Checks it without touching the root (repeatable:"
                    + " all together); exit 1 only if the candidate or a plugin it changes would be rejected.")
    List<Path> candidates = new ArrayList<>();

    @Override
    int run(PluginHost host, PrintWriter out) {
        if (!candidates.isEmpty()) {
            return whatIf(host, out);
        }
        Report report = host.scan();
        if (options.json) {
            new JsonRenderer().report(report, out);
        } else {
            new TextRenderer(out).doctor(report);
        }
        return report.hasErrors() ? ExitCodes.ERRORS : ExitCodes.OK;
    }

    private int whatIf(PluginHost host, PrintWriter out) {
        WhatIfReport whatIf = host.whatIf(candidates);
        if (options.json) {
            new JsonRenderer().whatIf(whatIf, out);
        } else {
            new TextRenderer(out).whatIf(whatIf);
        }
        // the root's own errors do not count: the question asked is about the candidates
        return whatIf.rejects() ? ExitCodes.ERRORS : ExitCodes.OK;
    }
}

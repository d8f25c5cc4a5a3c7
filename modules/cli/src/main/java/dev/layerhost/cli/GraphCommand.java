package dev.layerhost.cli;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.LayerGraph;
import dev.layerhost.core.LayerNode;
import dev.layerhost.core.PluginHost;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code layerhost graph}: the layer graph as text, JSON or Graphviz; never runs plugin code. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print the layer graph (layers, their modules and versions, their parents)."
                + " Never runs plugin code.")
final class GraphCommand extends Verb {

    /** The name the contract gives the API layer among a layer's parents, always the last one. */
    static final String API_LAYER = "api";

    /** The output formats of the graph. */
    enum Format { text, json, dot }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or dot (Graphviz). --json is the same as --format json.")
    Format format;

    @Override
    int run(PluginHost host, PrintWriter out) {
        LayerGraph graph = host.graph();
        Format chosen = options.json ? Format.json : format;
        switch (chosen) {
            case json -> new JsonRenderer().graph(graph, out);
            case dot -> new DotRenderer(out).graph(graph);
            default -> new TextRenderer(out).graph(graph);
        }
        return graph.diagnostics().stream().anyMatch(Diagnostic::isError) ? ExitCodes.ERRORS : ExitCodes.OK;
    }

    /** A layer's parents as the contract lists them: the plugins' ids, then {@value #API_LAYER}. */
    static List<String> parentsOf(LayerNode layer) {
        List<String> parents = new ArrayList<>(layer.parents());
        parents.add(API_LAYER);
        return parents;
    }
}

package dev.layerhost.cli;

import dev.layerhost.core.LayerGraph;
import dev.layerhost.core.LayerNode;
import dev.layerhost.core.ModuleSummary;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The layer graph as a Graphviz {@code digraph}: a box per layer listing its modules, an edge to each parent. */
final class DotRenderer {

    private final PrintWriter out;

    DotRenderer(PrintWriter out) {
        this.out = out;
    }

    void graph(LayerGraph graph) {
        out.println("digraph layers {");
        out.println("  rankdir=BT;");
        out.println("  node [shape=box, fontname=\"monospace\"];");
        out.println("  " + quote(GraphCommand.API_LAYER) + " [label=" + label(GraphCommand.API_LAYER, graph.api()) + "];");
        for (LayerNode layer : graph.layers()) {
            out.println("  " + quote(layer.plugin()) + " [label=" + label(layer.plugin(), layer.modules()) + "];");
        }
        for (LayerNode layer : graph.layers()) {
            for (String parent : GraphCommand.parentsOf(layer)) {
                out.println("  " + quote(layer.plugin()) + " -> " + quote(parent) + ";");
            }
        }
        out.println("}");
    }

    private static String label(String name, List<ModuleSummary> modules) {
        String lines = modules.stream().map(ModuleSummary::toString).collect(Collectors.joining("\\l"));
        return quote(name + "\\n" + lines + (lines.isEmpty() ? "" : "\\l"));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}

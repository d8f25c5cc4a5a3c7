package dev.layerhost.cli;

import dev.layerhost.core.LayerGraph;
import dev.layerhost.core.LayerNode;
import dev.layerhost.core.ModuleSummary;
import dev.layerhost.core.VisibleText;

import java.io.PrintWriter;
import java.util.List;

/**
 * The layer graph as a Graphviz {@code digraph}: a box per layer listing its modules, an edge to each parent.
 * Any plugin or module name gives a valid digraph: names are written as double-quoted strings (see
 * {@link #id} and {@link #label}), with what a terminal or a picture must not show raw escaped as in text
 * output ({@link VisibleText}).
 */
final class DotRenderer {

    private final PrintWriter out;

    DotRenderer(PrintWriter out) {
        this.out = out;
    }

    void graph(LayerGraph graph) {
        out.println("digraph layers {");
        out.println("  rankdir=BT;");
        out.println("  node [shape=box, fontname=\"monospace\"];");
        node(GraphCommand.API_LAYER, graph.api());
        for (LayerNode layer : graph.layers()) {
            node(layer.plugin(), layer.modules());
        }
        for (LayerNode layer : graph.layers()) {
            for (String parent : GraphCommand.parentsOf(layer)) {
                out.println("  " + id(layer.plugin()) + " -> " + id(parent) + ";");
            }
        }
        out.println("}");
    }

    private void node(String name, List<ModuleSummary> modules) {
        out.println("  " + id(name) + " [label=" + label(name, modules.stream().map(ModuleSummary::toString).toList())
                + "];");
    }

    /**
     * The node id of {@code name}: a double-quoted string that Graphviz reads as the name with its
     * backslashes doubled, then escaped. Doubling first keeps distinct names distinct ids (the escaped form
     * alone is not: a name may spell {@code \x1b}). Inside a quoted string Graphviz's scanner turns only
     * {@code \"} into a quote and drops a backslash before a line end; every other character, a backslash
     * pair included, stays. The escaped text holds no line end, and each of its backslashes starts a pair,
     * so quoting its quotes is all it needs.
     */
    static String id(String name) {
        return quote(VisibleText.escape(name.replace("\\", "\\\\")));
    }

    /**
     * A node label: the escaped {@code title}, then each escaped line, left-aligned, as text output shows
     * them. A label is also an {@code escString}: Graphviz reads {@code \n}, {@code \l}, {@code \r} as line
     * breaks, {@code \N}, {@code \G}... as the node's or graph's name, and a backslash before any other
     * character as that character. So the backslashes of the escaped names are doubled, to be shown as
     * they are.
     */
    static String label(String title, List<String> lines) {
        StringBuilder label = new StringBuilder(literal(title)).append("\\n");
        for (String line : lines) {
            label.append(literal(line)).append("\\l");
        }
        return quote(label.toString());
    }

    private static String literal(String text) {
        return VisibleText.escape(text).replace("\\", "\\\\");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}

package dev.layerhost.cli;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.LayerGraph;
import dev.layerhost.core.LayerNode;
import dev.layerhost.core.ModuleSummary;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginReport;
import dev.layerhost.core.PluginStatus;
import dev.layerhost.core.Report;
import dev.layerhost.core.Severity;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human-readable output of the verbs. Every name, message and hint passes through
 * {@link VisibleText#escape}: what a plugin root holds never reaches the terminal as a control character.
 */
final class TextRenderer {

    private final PrintWriter out;

    TextRenderer(PrintWriter out) {
        this.out = out;
    }

    void pluginTable(Report report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PLUGIN", "VERSION", "STATUS", "SOURCE", "SERVICES"});
        for (PluginReport plugin : report.plugins()) {
            rows.add(new String[] {
                plugin.id().map(VisibleText::escape).orElse("-"),
                plugin.version().map(VisibleText::escape).orElse("-"),
                plugin.status().name(),
                VisibleText.escape(plugin.source()),
                plugin.services().isEmpty() ? "-" : VisibleText.escape(String.join(",", plugin.services()))
            });
        }
        printTable(rows);
        out.println();
        out.println(summary(report));
    }

    void doctor(Report report) {
        if (report.diagnostics().isEmpty()) {
            out.println("No problems found in " + report.plugins().size() + " plugin(s).");
            return;
        }
        for (Diagnostic diagnostic : report.diagnostics()) {
            out.println(diagnostic.severity() + " " + diagnostic.code() + " ["
                    + diagnostic.plugin().map(id -> VisibleText.escape(id) + " in ").orElse("")
                    + VisibleText.escape(diagnostic.source()) + "]");
            out.println("    " + VisibleText.escape(diagnostic.message()));
            out.println("    hint: " + VisibleText.escape(diagnostic.hint()));
        }
        out.println();
        out.println(summary(report));
    }

    void loadReport(Report report) {
        pluginTable(report);
        List<Diagnostic> errors = report.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            out.println();
            for (Diagnostic error : errors) {
                out.println(error.code() + " [" + VisibleText.escape(error.source()) + "] "
                        + VisibleText.escape(error.message()));
            }
        }
    }

    void graph(LayerGraph graph) {
        out.println("layer api");
        graph.api().forEach(module -> out.println("    " + VisibleText.escape(module.toString())));
        for (LayerNode layer : graph.layers()) {
            out.println("layer " + VisibleText.escape(layer.plugin()) + " <- "
                    + VisibleText.escape(String.join(", ", GraphCommand.parentsOf(layer))));
            for (ModuleSummary module : layer.modules()) {
                out.println("    " + VisibleText.escape(module.toString()));
            }
        }
        long errors = graph.diagnostics().stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            out.println();
            out.println(errors + " error(s): plugins with errors have no layer; run 'layerhost doctor' for details.");
        }
    }

    /** One event of {@code watch}: a line, and an indented line per diagnostic. */
    void event(PluginEvent event) {
        out.println(event.at() + " " + event.kind() + " " + VisibleText.escape(event.pluginOrSource())
                + event.version().map(v -> " " + VisibleText.escape(v)).orElse("")
                + " [" + VisibleText.escape(event.source()) + "]");
        for (Diagnostic diagnostic : event.diagnostics()) {
            out.println("    " + diagnostic.severity() + " " + diagnostic.code() + ": "
                    + VisibleText.escape(diagnostic.message()));
        }
    }

    private String summary(Report report) {
        Map<PluginStatus, Long> byStatus = new EnumMap<>(PluginStatus.class);
        for (PluginReport plugin : report.plugins()) {
            byStatus.merge(plugin.status(), 1L, Long::sum);
        }
        long errors = report.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = report.diagnostics().size() - errors;
        String statuses = byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return report.plugins().size() + " plugin(s)" + (statuses.isEmpty() ? "" : ": " + statuses)
                + "; " + errors + " error(s), " + warnings + " warning(s)";
    }

    private void printTable(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}

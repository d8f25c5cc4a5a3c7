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
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The human-readable output of the verbs. Every name, message and hint passes through
 * {@link VisibleText#escape}: what a plugin root holds never reaches the terminal as a control character.
 */
final class TextRenderer {

    /** How many errors {@code list} names under its table: enough for a few broken entries, one line for many. */
    private static final int ERRORS_NAMED = 5;

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

    /**
     * After {@code list}'s summary: which errors, by code and entry, at most {@link #ERRORS_NAMED} of them,
     * and where the hints are. Nothing when there is no error.
     */
    void errorsInBrief(Report report) {
        List<String> named = report.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(error -> error.code() + " in " + VisibleText.escape(error.source()))
                .distinct()
                .toList();
        if (named.isEmpty()) {
            return;
        }
        String shown = String.join(", ", named.subList(0, Math.min(ERRORS_NAMED, named.size())));
        String more = named.size() > ERRORS_NAMED ? " and " + (named.size() - ERRORS_NAMED) + " more" : "";
        out.println((named.size() == 1 ? "error: " : "errors: ") + shown + more
                + "; run 'layerhost doctor' with the same options for the hints");
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

    /**
     * One event of {@code watch}: a line, and an indented line per diagnostic. A reload shows the version
     * it replaced ({@code 1.0.0 -> 2.0.0}); refused files of a live plugin say which version keeps serving.
     */
    void event(PluginEvent event) {
        String version = event.version().map(VisibleText::escape).orElse("");
        Optional<String> previous = event.previousVersion().map(VisibleText::escape);
        String versions = event.kind() == PluginEvent.Kind.RELOADED && previous.isPresent()
                ? " " + previous.get() + " -> " + (version.isEmpty() ? "(no version)" : version)
                : version.isEmpty() ? "" : " " + version;
        String serving = (event.kind() == PluginEvent.Kind.REJECTED || event.kind() == PluginEvent.Kind.FAILED)
                ? previous.map(old -> ": old version " + old + " keeps serving").orElse("")
                : "";
        out.println(event.at() + " " + event.kind() + " " + VisibleText.escape(event.pluginOrSource())
                + versions + " [" + VisibleText.escape(event.source()) + "]" + serving);
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

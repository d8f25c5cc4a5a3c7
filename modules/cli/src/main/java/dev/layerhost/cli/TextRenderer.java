package dev.layerhost.cli;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.LayerGraph;
import dev.layerhost.core.LayerNode;
import dev.layerhost.core.ModuleSummary;
import dev.layerhost.core.PluginChange;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginMetadata;
import dev.layerhost.core.PluginReport;
import dev.layerhost.core.PluginStatus;
import dev.layerhost.core.Report;
import dev.layerhost.core.Severity;
import dev.layerhost.core.VisibleText;
import dev.layerhost.core.WhatIfReport;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
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

    /** The longest description a row of {@code list} shows; {@code --long} shows it whole. */
    private static final int DESCRIPTION_WIDTH = 60;
    /** How many errors {@code list} names under its table: enough for a few broken entries, one line for many. */
    private static final int ERRORS_NAMED = 5;

    private final PrintWriter out;

    TextRenderer(PrintWriter out) {
        this.out = out;
    }

    void pluginTable(Report report) {
        pluginTable(report, false);
    }

    /**
     * One row per plugin: its categories (the simple names of the service types it provides; JSON has
     * the binary names) and the start of its description. {@code longForm} adds every metadata value,
     * whole, on indented lines below the row.
     */
    void pluginTable(Report report, boolean longForm) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PLUGIN", "VERSION", "STATUS", "SOURCE", "CATEGORIES", "DESCRIPTION"});
        for (PluginReport plugin : report.plugins()) {
            rows.add(new String[] {
                plugin.id().map(VisibleText::escape).orElse("-"),
                plugin.version().map(VisibleText::escape).orElse("-"),
                plugin.status().name(),
                VisibleText.escape(plugin.source()),
                plugin.categories().isEmpty() ? "-" : VisibleText.escape(String.join(",", plugin.categories())),
                plugin.metadata().description().map(TextRenderer::shortDescription).orElse("")
            });
        }
        List<String> lines = tableLines(rows);
        out.println(lines.get(0));
        for (int i = 0; i < report.plugins().size(); i++) {
            out.println(lines.get(i + 1));
            if (longForm) {
                metadataLines(report.plugins().get(i).metadata());
            }
        }
        out.println();
        out.println(summary(report));
    }

    /** The description cut to fit a row: cut before it is escaped, so no escape is cut in half. */
    private static String shortDescription(String description) {
        if (description.codePointCount(0, description.length()) <= DESCRIPTION_WIDTH) {
            return VisibleText.escape(description);
        }
        int end = description.offsetByCodePoints(0, DESCRIPTION_WIDTH - 3);
        return VisibleText.escape(description.substring(0, end)) + "...";
    }

    private void metadataLines(PluginMetadata metadata) {
        metadata.description().ifPresent(value -> out.println("    description: " + VisibleText.escape(value)));
        metadata.vendor().ifPresent(value -> out.println("    vendor: " + VisibleText.escape(value)));
        metadata.license().ifPresent(value -> out.println("    license: " + VisibleText.escape(value)));
        metadata.homepage().ifPresent(value -> out.println("    homepage: " + VisibleText.escape(value)));
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
            diagnostic(diagnostic, "");
        }
        out.println();
        out.println(summary(report));
    }

    /** One diagnostic as doctor prints it, on three lines, each after {@code indent}. */
    private void diagnostic(Diagnostic diagnostic, String indent) {
        out.println(indent + diagnostic.severity() + " " + diagnostic.code() + " ["
                + diagnostic.plugin().map(id -> VisibleText.escape(id) + " in ").orElse("")
                + VisibleText.escape(diagnostic.source()) + "]");
        out.println(indent + "    " + VisibleText.escape(diagnostic.message()));
        out.println(indent + "    hint: " + VisibleText.escape(diagnostic.hint()));
    }

    /**
     * {@code doctor --candidate}: what plain doctor prints for the root, then one line per candidate
     * ({@code What if: +base-2.jar (p.base 2.0.0, replaces base.jar 1.0.0): OK}) with its diagnostics, and
     * the root plugins whose status would change, each with the diagnostics it would get.
     */
    /** Why a disabled candidate's verdict says nothing: it was never checked. */
    static final String NOT_CHECKED = " (switched off by the root's disabled.txt or --disable: nothing was checked)";

    void whatIf(WhatIfReport whatIf) {
        doctor(whatIf.root());
        out.println();
        for (PluginReport candidate : whatIf.candidates()) {
            out.println("What if: +" + VisibleText.escape(candidate.source()) + " (" + describe(candidate)
                    + replacing(whatIf.replacedBy(candidate)) + "): " + candidate.status()
                    + (candidate.status() == PluginStatus.DISABLED ? NOT_CHECKED : ""));
            whatIf.candidateDiagnostics().stream()
                    .filter(diagnostic -> diagnostic.source().equals(candidate.source()))
                    .forEach(diagnostic -> diagnostic(diagnostic, "    "));
        }
        if (whatIf.changes().isEmpty()) {
            out.println("Changes: none");
            return;
        }
        out.println("Changes:");
        for (PluginChange change : whatIf.changes()) {
            out.println("    " + change.plugin().map(VisibleText::escape).orElse("-") + " ("
                    + VisibleText.escape(change.source()) + "): " + change.before() + " -> " + change.after());
            change.diagnostics().forEach(diagnostic -> diagnostic(diagnostic, "        "));
        }
    }

    /** A row's plugin id and version, or what stands for them when the entry holds no plugin module. */
    private static String describe(PluginReport row) {
        return row.id().map(id -> VisibleText.escape(id) + row.version().map(v -> " " + VisibleText.escape(v)).orElse(""))
                .orElse("no plugin module");
    }

    private static String replacing(List<PluginReport> replaced) {
        if (replaced.isEmpty()) {
            return ", new";
        }
        // A replaced entry that is not OK now (REJECTED, ...) is shown so: a candidate repairing it is a change
        // the "Changes" list cannot show, since the entry is gone from the hypothetical root.
        return ", replaces " + replaced.stream()
                .map(row -> VisibleText.escape(row.source()) + row.version().map(v -> " " + VisibleText.escape(v)).orElse("")
                        + (row.status() == PluginStatus.OK ? "" : ", " + row.status() + " now"))
                .collect(Collectors.joining(", "));
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
        out.println(event.at().truncatedTo(ChronoUnit.MILLIS) + " " + event.kind() + " " + VisibleText.escape(event.pluginOrSource())
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

    /** The rows as lines of columns padded to their widest cell; the last column is not padded. */
    private static List<String> tableLines(List<String[]> rows) {
        List<String> lines = new ArrayList<>();
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
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}

package dev.layerhost.maven;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the mojo reads back from {@code layerhost doctor --candidate --json}: the candidate's row and the
 * changes it would make to the reference root, each with the codes and severities of its diagnostics.
 *
 * @param candidate the candidate's row, if the report has one
 * @param changes   the plugins of the root whose status the candidate changes
 */
record CheckReport(Optional<Row> candidate, List<Change> changes) {

    static final String REJECTED = "REJECTED";
    static final String DISABLED = "DISABLED";
    static final String WARNING = "WARNING";
    static final String ERROR = "ERROR";

    CheckReport {
        Objects.requireNonNull(candidate, "candidate");
        changes = List.copyOf(changes);
    }

    /** One diagnostic, as much of it as a summary names. */
    record Finding(String code, String severity) {
    }

    /**
     * The candidate's row.
     *
     * @param plugin      its id, or its source if it has no id
     * @param name        its id and version ({@code p.base 2.0.0}), or its source if it has no id
     * @param status      its status ({@code OK}, {@code REJECTED}, ...)
     * @param diagnostics the diagnostics about it
     */
    record Row(String plugin, String name, String status, List<Finding> diagnostics) {
        Row {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * A plugin of the root whose status the candidate changes.
     *
     * @param plugin      its id (or source)
     * @param before      its status without the candidate
     * @param after       its status with the candidate
     * @param diagnostics its diagnostics with the candidate
     */
    record Change(String plugin, String before, String after, List<Finding> diagnostics) {
        Change {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * Reads the JSON of {@code doctor --candidate --json}.
     *
     * @throws IOException if {@code json} is not JSON
     */
    static CheckReport parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        Optional<Row> candidate = Optional.empty();
        for (JsonNode plugin : root.path("plugins")) {
            if (plugin.path("candidate").asBoolean(false)) {
                candidate = Optional.of(row(plugin, root.path("diagnostics")));
            }
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode change : root.path("changes")) {
            changes.add(new Change(text(change.path("plugin")).orElse(text(change.path("source")).orElse("?")),
                    status(change.path("before")), status(change.path("after")),
                    findings(change.path("diagnostics"))));
        }
        return new CheckReport(candidate, changes);
    }

    /**
     * The candidate's row with the diagnostics marked {@code "candidate": true}: the check names one candidate,
     * and a root row it replaces may share its source or id, so only the mark tells whose a diagnostic is.
     */
    private static Row row(JsonNode plugin, JsonNode diagnostics) {
        Optional<String> id = text(plugin.path("id"));
        String source = text(plugin.path("source")).orElse("");
        String name = id.map(i -> i + text(plugin.path("version")).map(v -> " " + v).orElse("")).orElse(source);
        List<Finding> own = new ArrayList<>();
        for (JsonNode diagnostic : diagnostics) {
            if (diagnostic.path("candidate").asBoolean(false)) {
                own.add(finding(diagnostic));
            }
        }
        return new Row(id.orElse(source), name, text(plugin.path("status")).orElse("?"), own);
    }

    private static List<Finding> findings(JsonNode diagnostics) {
        List<Finding> findings = new ArrayList<>();
        diagnostics.forEach(diagnostic -> findings.add(finding(diagnostic)));
        return findings;
    }

    private static Finding finding(JsonNode diagnostic) {
        return new Finding(text(diagnostic.path("code")).orElse("?"), text(diagnostic.path("severity")).orElse("?"));
    }

    private static String status(JsonNode node) {
        return text(node).orElse("?");
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /**
     * Why the build fails, when the candidate is rejected or would reject a plugin of the root (the plugin,
     * the verdict and the codes), or is disabled by the root and so was not checked; ending with where the
     * report is.
     *
     * @param reportShown the report file as the message shows it
     */
    Optional<String> failure(String reportShown) {
        // A switched-off candidate is never checked: a pass would claim what nobody looked at.
        Optional<Row> disabled = candidate.filter(row -> row.status().equals(DISABLED));
        if (disabled.isPresent()) {
            return Optional.of("layerhost: " + disabled.get().plugin() + " is disabled in the reference root"
                    + " (disabled.txt): nothing was checked; see " + reportShown);
        }
        List<String> parts = new ArrayList<>();
        candidate.filter(row -> row.status().equals(REJECTED))
                .ifPresent(row -> parts.add("is REJECTED (" + codes(row.diagnostics(), ERROR) + ")"));
        List<Change> broken = changes.stream().filter(change -> change.after().equals(REJECTED)).toList();
        if (!broken.isEmpty()) {
            parts.add("would break " + broken.size() + (broken.size() == 1 ? " plugin" : " plugins")
                    + " of the reference root: " + broken.stream()
                    .map(change -> change.plugin() + " (" + codes(change.diagnostics(), ERROR) + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("layerhost: " + name() + " " + String.join(" and ", parts) + "; see " + reportShown);
    }

    /**
     * The warnings of the candidate and of the changes, when there are any: the plugins and codes, ending
     * with where the report is.
     *
     * @param reportShown the report file as the message shows it
     */
    Optional<String> warnings(String reportShown) {
        List<String> parts = new ArrayList<>();
        candidate.filter(row -> hasWarning(row.diagnostics()))
                .ifPresent(row -> parts.add(row.name() + " (" + codes(row.diagnostics(), WARNING) + ")"));
        for (Change change : changes) {
            if (hasWarning(change.diagnostics())) {
                parts.add(change.plugin() + " (" + codes(change.diagnostics(), WARNING) + ")");
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("layerhost: warnings (failOnWarning is set): " + String.join(", ", parts)
                + "; see " + reportShown);
    }

    private String name() {
        return candidate.map(Row::name).orElse("the candidate");
    }

    private static boolean hasWarning(List<Finding> findings) {
        return findings.stream().anyMatch(finding -> finding.severity().equals(WARNING));
    }

    /**
     * The distinct codes of {@code findings} of {@code severity} in order, comma-separated; those of any
     * severity if none has it.
     */
    private static String codes(List<Finding> findings, String severity) {
        Set<String> codes = new LinkedHashSet<>();
        for (Finding finding : findings) {
            if (finding.severity().equals(severity)) {
                codes.add(finding.code());
            }
        }
        if (codes.isEmpty()) {
            findings.forEach(finding -> codes.add(finding.code()));
        }
        return codes.isEmpty() ? "no diagnostic" : String.join(", ", codes);
    }
}

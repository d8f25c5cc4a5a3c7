package dev.layerhost.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PluginHost#whatIf(List)} found: the root as it is, and what adding the candidates would do.
 * The root is never touched; both checks read module descriptors only. Immutable.
 *
 * <p>The hypothetical root is the root's entries, minus each entry a candidate replaces (the entry that
 * holds a plugin of the candidate's id, and the entry of the candidate's name), plus one entry per
 * candidate, named by the candidate's file or folder name.
 *
 * <pre>{@code
 * WhatIfReport whatIf = host.whatIf(List.of(Path.of("build/json-export-2.jar")));
 * if (whatIf.rejects()) {
 *     whatIf.changes().forEach(c -> System.err.println(c.source() + ": " + c.before() + " -> " + c.after()));
 * }
 * }</pre>
 *
 * @param root                 the report of the root as it is, as {@link PluginHost#scan()} gives it
 * @param candidates           the candidates' rows in the hypothetical root, by source (the candidate's
 *                             file or folder name)
 * @param candidateDiagnostics every diagnostic of the candidates' entries in the hypothetical root, in
 *                             {@link Diagnostic#ORDER}
 * @param changes              one per root plugin (not replaced by a candidate) whose status would change,
 *                             by source
 */
public record WhatIfReport(Report root, List<PluginReport> candidates, List<Diagnostic> candidateDiagnostics,
                           List<PluginChange> changes) {

    /**
     * Checks that the report is there, and copies the lists.
     *
     * @param root                 the report of the root as it is
     * @param candidates           the candidates' rows
     * @param candidateDiagnostics the candidates' diagnostics
     * @param changes              the root plugins whose status would change
     */
    public WhatIfReport {
        Objects.requireNonNull(root, "root");
        candidates = List.copyOf(candidates);
        candidateDiagnostics = List.copyOf(candidateDiagnostics);
        changes = List.copyOf(changes);
    }

    /**
     * Whether the candidates would do harm: a candidate would be {@link PluginStatus#REJECTED}, or a change
     * makes a root plugin {@code REJECTED}. The root's own errors do not count: the question is about the
     * candidates (the CLI's {@code doctor --candidate} exits 1 exactly when this is true).
     *
     * @return whether a candidate or a changed plugin would be rejected
     */
    public boolean rejects() {
        return candidates.stream().anyMatch(row -> row.status() == PluginStatus.REJECTED)
                || changes.stream().anyMatch(change -> change.after() == PluginStatus.REJECTED);
    }

    /**
     * The rows of the root that {@code candidate} would replace: the row of its name, and the rows of its
     * plugin id.
     *
     * @param candidate one of {@link #candidates()}
     * @return rows of {@link #root()}, by source; empty if the candidate is added beside them
     */
    public List<PluginReport> replacedBy(PluginReport candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return root.plugins().stream()
                .filter(row -> row.source().equals(candidate.source())
                        || (candidate.id().isPresent() && row.id().equals(candidate.id())))
                .toList();
    }

    /**
     * The root's report with the candidates' rows and diagnostics added: rows by source (a root row before
     * the candidate of the same name), diagnostics in {@link Diagnostic#ORDER}.
     *
     * @return one report of the root's plugins and the candidates
     */
    public Report combined() {
        List<PluginReport> plugins = new ArrayList<>(root.plugins());
        plugins.addAll(candidates);
        // a stable sort: of a root row and a candidate of the same name, the root's stays first
        plugins.sort(Comparator.comparing(PluginReport::source));
        List<Diagnostic> diagnostics = new ArrayList<>(root.diagnostics());
        diagnostics.addAll(candidateDiagnostics);
        diagnostics.sort(Diagnostic.ORDER);
        return new Report(plugins, diagnostics);
    }
}

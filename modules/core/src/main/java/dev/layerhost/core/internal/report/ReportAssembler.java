package dev.layerhost.core.internal.report;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.DiagnosticCode;
import dev.layerhost.core.LayerGraph;
import dev.layerhost.core.LayerNode;
import dev.layerhost.core.ModuleSummary;
import dev.layerhost.core.PluginChange;
import dev.layerhost.core.PluginMetadata;
import dev.layerhost.core.PluginReport;
import dev.layerhost.core.PluginStatus;
import dev.layerhost.core.Report;
import dev.layerhost.core.WhatIfReport;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.check.Verdict;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.load.LoadOutcome;
import dev.layerhost.core.internal.load.LoadedPlugin;
import dev.layerhost.core.internal.plan.PlannedLayer;
import dev.layerhost.core.internal.plan.PlannedRoot;
import dev.layerhost.core.internal.plan.WhatIfRoots;

import java.lang.module.Configuration;
import java.lang.module.ResolvedModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the internal verdicts, plans and load outcomes into the public, immutable reports. */
public final class ReportAssembler {

    /** The report of a scan: statuses {@code OK}, {@code REJECTED} and {@code DISABLED}. */
    public Report scanReport(PlannedRoot root) {
        return assemble(root, Optional.empty());
    }

    /** The report of a load: statuses {@code LOADED}, {@code FAILED}, {@code REJECTED} and {@code DISABLED}. */
    public Report loadReport(PlannedRoot root, LoadOutcome outcome) {
        return assemble(root, Optional.of(outcome));
    }

    /**
     * The report of a what-if: the root as it is, the candidates' rows and diagnostics as they would be,
     * and each root plugin (not replaced) whose status the candidates would change, matched by source.
     */
    public WhatIfReport whatIfReport(WhatIfRoots roots) {
        Report before = scanReport(roots.before());
        Report after = scanReport(roots.after());
        List<PluginReport> candidates = after.plugins().stream()
                .filter(row -> roots.candidateSources().contains(row.source()))
                .toList();
        List<Diagnostic> candidateDiagnostics = after.diagnostics().stream()
                .filter(diagnostic -> roots.candidateSources().contains(diagnostic.source()))
                .map(Diagnostics::ofCandidate)
                .toList();
        Map<String, PluginReport> afterBySource = new HashMap<>();
        after.plugins().forEach(row -> afterBySource.put(row.source(), row));
        List<PluginChange> changes = new ArrayList<>();
        for (PluginReport row : before.plugins()) {
            PluginReport now = afterBySource.get(row.source());
            if (roots.replacedSources().contains(row.source()) || now == null || now.status() == row.status()) {
                continue;
            }
            changes.add(new PluginChange(row.id(), row.source(), row.status(), now.status(),
                    after.diagnostics().stream().filter(d -> d.source().equals(row.source())).toList()));
        }
        return new WhatIfReport(before, candidates, candidateDiagnostics, changes);
    }

    public LayerGraph graph(PlannedRoot root, ApiLayer api) {
        List<LayerNode> layers = new ArrayList<>();
        for (PlannedLayer planned : root.plan().layers()) {
            layers.add(new LayerNode(planned.pluginId(), modulesOf(planned.configuration()), planned.parents()));
        }
        List<ModuleSummary> apiModules = api.apiDescriptors().stream().map(ModuleSummary::of).sorted().toList();
        return new LayerGraph(apiModules, layers, scanReport(root).diagnostics());
    }

    private Report assemble(PlannedRoot root, Optional<LoadOutcome> outcome) {
        Map<String, PlannedLayer> plannedBySource = new HashMap<>();
        for (PlannedLayer planned : root.plan().layers()) {
            plannedBySource.put(planned.verdict().source(), planned);
        }
        Map<String, LoadedPlugin> loadedBySource = new HashMap<>();
        outcome.ifPresent(o -> o.loaded().forEach(plugin -> loadedBySource.put(plugin.source(), plugin)));

        List<PluginReport> plugins = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Verdict verdict : root.verdicts().verdicts()) {
            String source = verdict.source();
            List<Diagnostic> entryDiagnostics = new ArrayList<>(verdict.diagnostics());
            entryDiagnostics.addAll(root.plan().refusals().getOrDefault(source, List.of()));
            List<Diagnostic> loadFailures = outcome.map(o -> o.failures().getOrDefault(source, List.of()))
                    .orElse(List.of());
            entryDiagnostics.addAll(loadFailures);
            diagnostics.addAll(entryDiagnostics);

            PlannedLayer planned = plannedBySource.get(source);
            PluginStatus status = verdict.disabled() ? PluginStatus.DISABLED
                    : statusOf(entryDiagnostics, planned != null, outcome.isPresent(), loadedBySource.containsKey(source));
            List<ModuleSummary> modules = planned != null
                    ? modulesOf(planned.configuration())
                    : verdict.entryModules().stream().map(m -> ModuleSummary.of(m.descriptor()))
                            .distinct().sorted().toList();
            plugins.add(new PluginReport(verdict.pluginId(),
                    verdict.pluginModule().flatMap(m -> m.descriptor().rawVersion()),
                    status, source, verdict.services(), modules,
                    verdict.pluginModule().map(CandidateModule::metadata).orElse(PluginMetadata.empty())));
        }
        diagnostics.sort(Diagnostic.ORDER);
        return new Report(plugins, diagnostics);
    }

    private static PluginStatus statusOf(List<Diagnostic> diagnostics, boolean planned, boolean loading,
                                         boolean loaded) {
        boolean providerFailed = diagnostics.stream().anyMatch(d -> d.code() == DiagnosticCode.PROVIDER_FAILED);
        boolean otherError = diagnostics.stream()
                .anyMatch(d -> d.isError() && d.code() != DiagnosticCode.PROVIDER_FAILED);
        if (otherError || !planned) {
            return PluginStatus.REJECTED;
        }
        if (!loading) {
            return PluginStatus.OK;
        }
        if (providerFailed) {
            return PluginStatus.FAILED;
        }
        return loaded ? PluginStatus.LOADED : PluginStatus.REJECTED;
    }

    private static List<ModuleSummary> modulesOf(Configuration configuration) {
        return configuration.modules().stream()
                .map(ResolvedModule::reference)
                .map(reference -> ModuleSummary.of(reference.descriptor()))
                .sorted()
                .toList();
    }
}

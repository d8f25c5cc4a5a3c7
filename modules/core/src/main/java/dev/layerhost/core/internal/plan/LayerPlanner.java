package dev.layerhost.core.internal.plan;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.archive.EntryFinder;
import dev.layerhost.core.internal.check.Verdict;
import dev.layerhost.core.internal.check.Verdicts;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.model.SameObjects;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves, with the JDK's own {@link Configuration#resolve}, the layer of every plugin the checker
 * found sound, parents first. This reads descriptors only and defines nothing; its configurations are
 * what {@code graph} shows and what a load defines.
 *
 * <p>A plugin whose modules (the same copies) and parent configurations are the ones of the last plan
 * keeps its configuration: the JDK would resolve the same again, and a reload of one plugin among
 * hundreds should not resolve them all.
 */
public final class LayerPlanner {

    private static final Logger log = LoggerFactory.getLogger(LayerPlanner.class);

    private final ApiLayer api;
    /** The last plan's configurations, by source; guarded by this object's lock. */
    private Map<String, Resolved> lastPlan = Map.of();
    /** The verdicts planned last, and their plan: the same verdicts (the very object) have the same plan. */
    private Verdicts lastVerdicts;
    private LayerPlan lastLayerPlan;

    private record Resolved(List<CandidateModule> modules, List<Configuration> parents, Configuration configuration,
                            PlannedLayer layer) {

        boolean sameInput(List<CandidateModule> otherModules, List<Configuration> otherParents) {
            return SameObjects.inOrder(modules, otherModules) && SameObjects.inOrder(parents, otherParents);
        }
    }

    public LayerPlanner(ApiLayer api) {
        this.api = api;
    }

    /** The layers of the sound plugins of {@code result}, in layer order, and any refusal by the JDK. */
    public synchronized LayerPlan plan(Verdicts result) {
        if (result == lastVerdicts) {
            return lastLayerPlan;
        }
        Map<String, Resolved> resolved = new HashMap<>(result.layerOrder().size() * 2);
        Map<String, Verdict> bySource = new HashMap<>(result.verdicts().size() * 2);
        for (Verdict verdict : result.verdicts()) {
            bySource.put(verdict.source(), verdict);
        }
        Map<String, PlannedLayer> byPlugin = new LinkedHashMap<>(result.layerOrder().size() * 2);
        Map<String, List<Diagnostic>> refusals = new HashMap<>();
        for (String source : result.layerOrder()) {
            Verdict verdict = bySource.get(source);
            String id = verdict.pluginId().orElseThrow();
            Resolved known = lastPlan.get(source);
            if (known != null && known.layer().verdict() == verdict && sameParents(known.layer(), byPlugin)) {
                // The checker kept this verdict, and every parent's layer is the one planned last time.
                resolved.put(source, known);
                byPlugin.put(id, known.layer());
                continue;
            }
            List<Configuration> parents = new ArrayList<>();
            boolean parentsPlanned = true;
            for (String parent : verdict.parents()) {
                PlannedLayer planned = byPlugin.get(parent);
                if (planned == null) {
                    parentsPlanned = false;
                    refusals.computeIfAbsent(source, s -> new ArrayList<>())
                            .add(Diagnostics.dependencyRejected(source, id, parent));
                } else {
                    parents.add(planned.configuration());
                }
            }
            if (!parentsPlanned) {
                continue;
            }
            parents.add(api.layer().configuration());
            Resolved last = lastPlan.get(source);
            if (last != null && last.sameInput(verdict.layerModules(), parents)) {
                PlannedLayer layer = new PlannedLayer(verdict, last.configuration(), verdict.parents());
                resolved.put(source, new Resolved(last.modules(), last.parents(), last.configuration(), layer));
                byPlugin.put(id, layer);
                continue;
            }
            try {
                Configuration configuration = Configuration.resolve(new EntryFinder(verdict.layerModules()),
                        parents, ModuleFinder.of(), Set.of(id));
                PlannedLayer layer = new PlannedLayer(verdict, configuration, verdict.parents());
                resolved.put(source, new Resolved(verdict.layerModules(), List.copyOf(parents), configuration, layer));
                byPlugin.put(id, layer);
            } catch (ResolutionException | FindException e) {
                log.warn("The JDK refused plugin '{}' that the checker found sound: {}", id, e.getMessage());
                refusals.computeIfAbsent(source, s -> new ArrayList<>())
                        .add(JdkRefusal.toDiagnostic(source, id, e));
            }
        }
        lastPlan = resolved;
        lastVerdicts = result;
        lastLayerPlan = new LayerPlan(List.copyOf(byPlugin.values()), refusals);
        return lastLayerPlan;
    }

    /** Whether each parent of {@code layer} is planned now as the very layer it was planned on before. */
    private boolean sameParents(PlannedLayer layer, Map<String, PlannedLayer> byPlugin) {
        List<Configuration> parents = new ArrayList<>(layer.parents().size());
        for (String parent : layer.parents()) {
            PlannedLayer now = byPlugin.get(parent);
            if (now == null) {
                return false;
            }
            parents.add(now.configuration());
        }
        parents.add(api.layer().configuration());
        return SameObjects.inOrder(layer.configuration().parents(), parents);
    }
}

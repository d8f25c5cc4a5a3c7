package dev.layerhost.core.internal.plan;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.check.Verdict;
import dev.layerhost.core.internal.check.Verdicts;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.model.SameObjects;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ResolutionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** The last plan's layers, by source; guarded by this object's lock. */
    private Map<String, PlannedLayer> lastPlan = Map.of();
    /** The verdicts planned last, and their plan: the same verdicts (the very object) have the same plan. */
    private Verdicts lastVerdicts;
    private LayerPlan lastLayerPlan;

    public LayerPlanner(ApiLayer api) {
        this.api = api;
    }

    /** The layers of the sound plugins of {@code result}, in layer order, and any refusal by the JDK. */
    public synchronized LayerPlan plan(Verdicts result) {
        if (result == lastVerdicts) {
            return lastLayerPlan;
        }
        Map<String, PlannedLayer> resolved = new HashMap<>(result.layerOrder().size() * 2);
        Map<String, Verdict> bySource = new HashMap<>(result.verdicts().size() * 2);
        for (Verdict verdict : result.verdicts()) {
            bySource.put(verdict.source(), verdict);
        }
        Map<String, PlannedLayer> byPlugin = new LinkedHashMap<>(result.layerOrder().size() * 2);
        Map<String, List<Diagnostic>> refusals = new HashMap<>();
        for (String source : result.layerOrder()) {
            Verdict verdict = bySource.get(source);
            String id = verdict.pluginId().orElseThrow();
            List<Configuration> parents = new ArrayList<>();
            List<String> parentIds = new ArrayList<>();
            boolean parentsPlanned = true;
            for (String parent : verdict.parents()) {
                PlannedLayer planned = byPlugin.get(parent);
                if (planned == null && verdict.optionalParents().contains(parent)) {
                    // the JDK refused it: done without, as it resolves a "requires static" it does not find
                    continue;
                }
                if (planned == null) {
                    parentsPlanned = false;
                    refusals.computeIfAbsent(source, s -> new ArrayList<>())
                            .add(Diagnostics.dependencyRejected(source, id, parent));
                } else {
                    parents.add(planned.configuration());
                    parentIds.add(parent);
                }
            }
            if (!parentsPlanned) {
                continue;
            }
            parents.add(api.layer().configuration());
            PlannedLayer last = lastPlan.get(source);
            if (last != null && SameObjects.inOrder(last.verdict().layerModules(), verdict.layerModules())
                    && SameObjects.inOrder(last.configuration().parents(), parents)) {
                // The same modules on the same parent configurations: the JDK would resolve the same again.
                // A verdict the checker kept keeps its very layer.
                PlannedLayer layer = last.verdict() == verdict ? last
                        : new PlannedLayer(verdict, last.configuration(), parentIds);
                resolved.put(source, layer);
                byPlugin.put(id, layer);
                continue;
            }
            try {
                Configuration configuration = LayerResolution.resolve(verdict.layerModules(), parents, id);
                PlannedLayer layer = new PlannedLayer(verdict, configuration, parentIds);
                resolved.put(source, layer);
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
}

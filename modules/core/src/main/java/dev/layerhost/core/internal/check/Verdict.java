package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.model.ModelConfiguration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checker's verdict on one entry.
 *
 * @param facts         what the entry holds
 * @param diagnostics   every problem of the entry, errors and warnings
 * @param configuration the modelled configuration of the plugin's layer, present when the plugin is sound
 * @param parents       the ids of the plugins whose layers are parents of this plugin's layer, sorted
 * @param optionalParents the ids of {@code parents} that the plugin only {@code requires static}: its layer
 *                      would do without them, had they been absent, rejected or disabled
 * @param layerModules  the entry's modules the plugin's layer defines (empty when it was not resolved)
 * @param disabled      whether the user switched the plugin off: then it has no diagnostics and no model,
 *                      and is not rejected
 */
public record Verdict(EntryFacts facts, List<Diagnostic> diagnostics, Optional<ModelConfiguration> configuration,
                      List<String> parents, List<String> optionalParents, List<CandidateModule> layerModules,
                      boolean disabled) {

    public Verdict {
        Objects.requireNonNull(facts, "facts");
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
        Objects.requireNonNull(configuration, "configuration");
        parents = List.copyOf(parents);
        optionalParents = List.copyOf(optionalParents);
        if (!parents.containsAll(optionalParents)) {
            throw new IllegalArgumentException("optional parents " + optionalParents + " not among " + parents);
        }
        layerModules = List.copyOf(layerModules);
        if (disabled && (!diagnostics.isEmpty() || configuration.isPresent())) {
            throw new IllegalArgumentException("a disabled plugin is not checked: no diagnostics, no model");
        }
    }

    /** The verdict on an entry whose plugin the user disabled: nothing of it is checked or built. */
    static Verdict disabled(EntryFacts facts, List<String> parents) {
        return new Verdict(facts, List.of(), Optional.empty(), parents, List.of(), List.of(), true);
    }

    /** Whether no error names this entry and its layer could be modelled. */
    public boolean sound() {
        if (configuration.isEmpty()) {
            return false;
        }
        // a plain loop: asked of every verdict on every reload
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                return false;
            }
        }
        return true;
    }

    /** The parents the plugin cannot do without: {@link #parents()} but the {@link #optionalParents()}. */
    public List<String> requiredParents() {
        return parents.stream().filter(parent -> !optionalParents.contains(parent)).toList();
    }

    public String source() {
        return facts.source();
    }

    public Optional<String> pluginId() {
        return facts.pluginId();
    }

    public Optional<CandidateModule> pluginModule() {
        return facts.plugin();
    }

    public List<String> services() {
        return facts.services();
    }

    public List<CandidateModule> entryModules() {
        return facts.candidate().modules();
    }
}

package dev.layerhost.core.internal.archive;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ModuleFinder} over the module references already read from one entry, so that resolving
 * and defining a plugin's layer never reads the jars' descriptors a second time.
 */
public final class EntryFinder implements ModuleFinder {

    private final Map<String, ModuleReference> references;

    public EntryFinder(List<CandidateModule> modules) {
        Map<String, ModuleReference> byName = new LinkedHashMap<>();
        for (CandidateModule module : modules) {
            byName.putIfAbsent(module.name(), module.reference());
        }
        this.references = Map.copyOf(byName);
    }

    @Override
    public Optional<ModuleReference> find(String name) {
        return Optional.ofNullable(references.get(name));
    }

    @Override
    public Set<ModuleReference> findAll() {
        return Set.copyOf(references.values());
    }
}

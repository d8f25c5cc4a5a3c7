package dev.layerhost.core.internal.archive;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.scan.Entry;

import java.util.List;
import java.util.Objects;

/**
 * An entry with the modules that could be read from its jars and the archives that could not.
 *
 * @param entry    the entry of the plugin root
 * @param modules  one module per readable jar, in jar-name order
 * @param problems an {@code INVALID_ARCHIVE} diagnostic per unreadable jar
 */
public record Candidate(Entry entry, List<CandidateModule> modules, List<Diagnostic> problems) {

    public Candidate {
        Objects.requireNonNull(entry, "entry");
        modules = List.copyOf(modules);
        problems = List.copyOf(problems);
    }

    public String source() {
        return entry.name();
    }
}

package dev.layerhost.core.internal.archive;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.scan.Entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entry with the modules that could be read from its jars and the archives that could not.
 *
 * @param entry    the entry of the plugin root
 * @param modules  one module per readable jar, in jar-name order
 * @param problems an {@code INVALID_ARCHIVE} diagnostic per unreadable jar
 * @param contents the SHA-256 of each of the entry's jars whose file never changes (a private copy in
 *                 the content store), by its path: what a signature verdict can be kept by. Empty for
 *                 jars read in place, which may change under the reader
 */
public record Candidate(Entry entry, List<CandidateModule> modules, List<Diagnostic> problems,
                        Map<Path, String> contents) {

    public Candidate {
        Objects.requireNonNull(entry, "entry");
        modules = List.copyOf(modules);
        problems = List.copyOf(problems);
        contents = Map.copyOf(contents);
    }

    /** A candidate of jars read in place: no content known. */
    public Candidate(Entry entry, List<CandidateModule> modules, List<Diagnostic> problems) {
        this(entry, modules, problems, Map.of());
    }

    public String source() {
        return entry.name();
    }
}

package dev.layerhost.core.internal.archive;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.scan.Entry;

import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the module descriptor of every jar of an entry, and nothing else: no class of the jar is
 * loaded. A jar the JDK cannot read as a module (truncated, not a zip, a bad module-info, no
 * derivable automatic module name) becomes an {@code INVALID_ARCHIVE} diagnostic naming the file.
 */
public final class ArchiveReader {

    public Candidate read(Entry entry) {
        List<CandidateModule> modules = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (Path jar : entry.jars()) {
            String file = entry.label(jar);
            try {
                Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
                if (found.isEmpty()) {
                    problems.add(Diagnostics.invalidArchive(entry.name(), file, "no module found in the jar"));
                } else {
                    ModuleReference module = found.iterator().next();
                    // javac compiles such a package, but only the runtime's loaders may define it: the JDK
                    // would refuse the plugin's layer at load time, after the scan had called it sound.
                    Optional<String> javaPackage = module.descriptor().packages().stream()
                            .filter(name -> name.equals("java") || name.startsWith("java.")).sorted().findFirst();
                    if (javaPackage.isPresent()) {
                        problems.add(Diagnostics.invalidArchive(entry.name(), file, "module "
                                + module.descriptor().name() + " contains package " + javaPackage.get()
                                + ", which only the Java runtime may define"));
                    } else {
                        modules.add(new CandidateModule(module, file));
                    }
                }
            } catch (FindException | SecurityException | IllegalArgumentException e) {
                problems.add(Diagnostics.invalidArchive(entry.name(), file, reasonOf(e)));
            }
        }
        return new Candidate(entry, modules, problems);
    }

    /** The innermost message of a read failure, on one line, without the JDK's path prefix noise. */
    private static String reasonOf(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        if (message == null || message.isBlank()) {
            message = innermost.getClass().getSimpleName();
        } else if (innermost != failure) {
            message = innermost.getClass().getSimpleName() + ": " + message;
        }
        return message.replace('\n', ' ').strip();
    }
}

package dev.layerhost.core.internal.archive;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.FileNames;

import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.io.IOException;
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

    private ArchiveReader() {
    }

    /**
     * What the JDK's module finder makes of {@code jar}. The file name counts: it names an automatic
     * module, so a copy must keep the original's name.
     */
    public static JarReading readJar(Path jar) {
        if (!FileNames.roundTrips(jar)) {
            try {
                return OpenableFile.read(jar, ArchiveReader::readJar);
            } catch (IOException e) {
                return new JarReading.Invalid(reasonOf(e));
            }
        }
        ArchiveScreen.Screening screening = ArchiveScreen.screen(jar);
        if (screening.refusal().isPresent()) {
            return new JarReading.Invalid(screening.refusal().get());
        }
        try {
            Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
            if (found.isEmpty()) {
                return new JarReading.Invalid("no module found in the jar");
            }
            ModuleReference module = found.iterator().next();
            // javac compiles such a package, but only the runtime's loaders may define it: the JDK
            // would refuse the plugin's layer at load time, after the scan had called it sound.
            Optional<String> javaPackage = module.descriptor().packages().stream()
                    .filter(name -> name.equals("java") || name.startsWith("java.")).sorted().findFirst();
            if (javaPackage.isPresent()) {
                return new JarReading.Invalid("module " + module.descriptor().name() + " contains package "
                        + javaPackage.get() + ", which only the Java runtime may define");
            }
            return new JarReading.Module(module.descriptor(), screening.metadata());
        } catch (FindException | SecurityException | IllegalArgumentException e) {
            return new JarReading.Invalid(reasonOf(e));
        }
    }

    /**
     * The candidate of {@code entry} made of one reading per jar, in the entry's jar order.
     *
     * @param files where each jar's module is read from when its layer is defined: the jars themselves
     *              or private copies of them, in the same order
     */
    public static Candidate candidate(Entry entry, List<JarReading> readings, List<Path> files) {
        if (readings.size() != entry.jars().size() || files.size() != readings.size()) {
            throw new IllegalArgumentException("one reading and one file per jar of " + entry.name());
        }
        List<CandidateModule> modules = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            String file = entry.label(entry.jars().get(i));
            JarReading reading = readings.get(i);
            if (reading instanceof JarReading.Module module) {
                modules.add(new CandidateModule(new JarModuleReference(module.descriptor(), files.get(i)), file,
                        module.metadata()));
            } else if (reading instanceof JarReading.Invalid invalid) {
                problems.add(Diagnostics.invalidArchive(entry.name(), file, invalid.reason()));
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

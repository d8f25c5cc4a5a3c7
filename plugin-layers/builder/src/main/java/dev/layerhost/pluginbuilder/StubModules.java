package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Empty stand-in modules ({@code module lib.x {}}) for required modules that the compile module
 * path lacks. They let a test build a module whose dependency is missing on purpose, or two modules
 * that require each other (javac refuses a cycle when both are real), or a module that contains a
 * package its dependency also exports (javac refuses that split when the dependency is real).
 *
 * <p>A stub never goes into a jar: it only satisfies javac, which then records the stub's version
 * (from {@link JarSpec#compiledAgainst()}) as {@code Requires.compiledVersion}.
 */
final class StubModules {

    private final Tool javac;

    StubModules(Tool javac) {
        this.javac = javac;
    }

    /**
     * The names of the modules to stub, sorted: every module that {@code spec} requires, directly or
     * through a module found on its module path, that is neither on the module path nor a platform
     * module. The module being built is never stubbed (a module on the path may require it back).
     */
    static Set<String> missing(JarSpec spec) {
        ModuleFinder modulePath = ModuleFinder.of(spec.modulePath().toArray(Path[]::new));
        ModuleFinder system = ModuleFinder.ofSystem();
        var pending = new ArrayDeque<>(spec.requiredModules());
        var seen = new HashSet<String>();
        var missing = new TreeSet<String>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!seen.add(name) || name.equals(spec.moduleName()) || isPlatform(name, system)) {
                continue;
            }
            Optional<ModuleReference> found = find(modulePath, name, spec);
            if (found.isPresent()) {
                // javac resolves the non-static requires of every module it reads, so those must exist too.
                found.get().descriptor().requires().stream()
                        .filter(requires -> !requires.modifiers().contains(Requires.Modifier.STATIC))
                        .forEach(requires -> pending.add(requires.name()));
            } else {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * Writes and compiles a stub for each module in {@link #missing}, under {@code scratch}.
     *
     * @return the directory of compiled stubs, one exploded module per subdirectory, to put on the
     *     compile module path; empty if nothing needs a stub
     */
    Optional<Path> compile(JarSpec spec, Path scratch) throws IOException {
        Set<String> missing = missing(spec);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Path sources = scratch.resolve("stub-sources");
        Path classes = scratch.resolve("stubs");
        // javac takes one --module-version per run, so stubs are compiled in groups of one version.
        var byVersion = new TreeMap<String, List<String>>();
        for (String name : missing) {
            Path source = sources.resolve(name).resolve("module-info.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, "module " + name + " {}\n");
            byVersion.computeIfAbsent(spec.compiledAgainst().getOrDefault(name, ""), version -> new ArrayList<>())
                    .add(name);
        }
        for (Map.Entry<String, List<String>> group : byVersion.entrySet()) {
            var arguments = new ArrayList<>(List.of(
                    "-nowarn", "-Xlint:none",
                    "--module-source-path", sources.toString(),
                    "-d", classes.toString(),
                    "--module", String.join(",", group.getValue())));
            if (!group.getKey().isEmpty()) {
                arguments.addAll(List.of("--module-version", group.getKey()));
            }
            javac.run("compile stub modules " + group.getValue() + " for " + spec.moduleName(), arguments);
        }
        return Optional.of(classes);
    }

    private static boolean isPlatform(String name, ModuleFinder system) {
        return name.startsWith("java.") || name.startsWith("jdk.") || system.find(name).isPresent();
    }

    private static Optional<ModuleReference> find(ModuleFinder modulePath, String name, JarSpec spec) {
        try {
            return modulePath.find(name);
        } catch (FindException e) {
            throw new PluginBuildException("Cannot read the module path " + spec.modulePath()
                    + " of " + spec.moduleName() + ": " + e.getMessage(), e);
        }
    }
}

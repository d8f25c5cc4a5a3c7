package dev.layerhost.pluginbuilder;

import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one jar holds: the module declaration, the sources and resources, and how to compile it.
 * Immutable; {@link PluginJar.Builder} collects it and {@link JarBuild} turns it into a jar.
 *
 * @param requires module name to its modifiers ({@code TRANSITIVE}, {@code STATIC}), in the order
 *     they were added
 * @param provides service type to its implementation classes, in the order they were added
 * @param sources binary class name to full source text
 * @param resources path inside the jar ({@code /}-separated) to content
 * @param compiledAgainst module name to the version its stub gets, for modules not on the module path
 * @param automaticModuleName the {@code Automatic-Module-Name} of an automatic jar, if any
 * @param manifestAttributes  main attributes of the jar's manifest, by name
 */
record JarSpec(
        String moduleName,
        Optional<String> version,
        Map<String, Set<Requires.Modifier>> requires,
        List<String> exports,
        List<String> opens,
        List<String> uses,
        Map<String, List<String>> provides,
        Map<String, String> sources,
        Map<String, byte[]> resources,
        List<Path> modulePath,
        Map<String, String> compiledAgainst,
        boolean automatic,
        Optional<String> automaticModuleName,
        Optional<Path> scratchParent,
        Map<String, String> manifestAttributes) {

    JarSpec {
        requires = requires.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Set.copyOf(entry.getValue())));
        exports = List.copyOf(exports);
        opens = List.copyOf(opens);
        uses = List.copyOf(uses);
        provides = provides.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
        sources = Map.copyOf(sources);
        resources = Map.copyOf(resources);
        modulePath = List.copyOf(modulePath);
        compiledAgainst = Map.copyOf(compiledAgainst);
        manifestAttributes = Map.copyOf(manifestAttributes);
    }

    /** Required module names, sorted, so that generated files do not depend on map order. */
    List<String> requiredModules() {
        return requires.keySet().stream().sorted().toList();
    }

    /**
     * The text of {@code module-info.java}. Clauses are sorted by kind and name, so the same spec
     * always gives the same class file.
     */
    String moduleInfoSource() {
        var lines = new ArrayList<String>();
        for (String module : requiredModules()) {
            Set<Requires.Modifier> modifiers = requires.get(module);
            lines.add("requires "
                    + (modifiers.contains(Requires.Modifier.STATIC) ? "static " : "")
                    + (modifiers.contains(Requires.Modifier.TRANSITIVE) ? "transitive " : "")
                    + module + ";");
        }
        exports.stream().sorted().forEach(pkg -> lines.add("exports " + pkg + ";"));
        opens.stream().sorted().forEach(pkg -> lines.add("opens " + pkg + ";"));
        uses.stream().sorted().forEach(service -> lines.add("uses " + service + ";"));
        provides.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> lines.add("provides " + entry.getKey() + " with "
                        + String.join(", ", entry.getValue()) + ";"));
        var text = new StringBuilder("module ").append(moduleName).append(" {\n");
        lines.forEach(line -> text.append("    ").append(line).append('\n'));
        return text.append("}\n").toString();
    }
}

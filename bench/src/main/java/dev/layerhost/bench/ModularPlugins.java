package dev.layerhost.bench;

import dev.layerhost.pluginbuilder.PluginJar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's layerhost plugins: module {@code p.benchNNN}, version 1.0.0, providing
 * {@code DataSource} with {@code p.benchNNN.Source}. Also what the plain JPMS baseline loads.
 */
final class ModularPlugins {

    static final String DATA_SOURCE = "dev.layerhost.api.DataSource";

    private final Path apiLocation;
    private final BatchCompiler compiler = new BatchCompiler();
    private final JarPacker packer = new JarPacker();

    /** @param apiLocation the jar or classes folder of module {@code layerhost.api}, to compile against */
    ModularPlugins(Path apiLocation) {
        this.apiLocation = apiLocation;
    }

    static String id(int index) {
        return "p.bench%03d".formatted(index);
    }

    static String jarName(int index) {
        return id(index) + ".jar";
    }

    /**
     * Compiles plugins {@code 0 .. count-1} in one javac run (multi-module mode) in {@code scratch},
     * and writes {@code root/p.benchNNN.jar} for each.
     *
     * @return the jars, in index order
     */
    List<Path> build(int count, Path scratch, Path root) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int index = 0; index < count; index++) {
            String id = id(index);
            sources.put(id + "/module-info.java", "module %s { requires layerhost.api; provides %s with %s.Source; }"
                    .formatted(id, DATA_SOURCE, id));
            sources.put(id + "/" + id.replace('.', '/') + "/Source.java", sourceOf(id));
        }
        Path classes = scratch.resolve("classes");
        compiler.compile(scratch.resolve("src"), sources, List.of("-d", classes.toString(),
                "--module-source-path", scratch.resolve("src").toString(),
                "--module-path", apiLocation.toString(), "--module-version", "1.0.0"));
        List<Path> jars = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Path moduleClasses = classes.resolve(id(index));
            Path jar = root.resolve(jarName(index));
            packer.pack(moduleClasses, moduleClasses, jar, Map.of(), Map.of());
            jars.add(jar);
        }
        return jars;
    }

    /** The plugin {@code index} in another version, built with {@link PluginJar} at {@code jar}. */
    Path variant(int index, String version, Path jar) {
        String id = id(index);
        return PluginJar.builder(id)
                .version(version)
                .requires("layerhost.api")
                .provides(DATA_SOURCE, id + ".Source")
                .source(id + ".Source", sourceOf(id))
                .modulePath(apiLocation)
                .build(jar);
    }

    private static String sourceOf(String id) {
        return """
                package %s;

                import java.util.List;
                import java.util.Map;

                public final class Source implements dev.layerhost.api.DataSource {
                    public String name() { return "%s"; }
                    public List<String> schemes() { return List.of("bench"); }
                    public List<Map<String, Object>> read(String location, int limit) { return List.of(); }
                }
                """.formatted(id, id);
    }
}

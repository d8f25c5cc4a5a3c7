package dev.layerhost.bench;

import dev.layerhost.pluginbuilder.DataSourcePlugins;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The benchmark's layerhost plugins: module {@code p.benchNNN}, version 1.0.0, providing
 * {@code DataSource} with {@code p.benchNNN.Source}, as the test kit's {@link DataSourcePlugins} builds
 * it. Also what the plain JPMS baseline loads.
 */
final class ModularPlugins {

    private final DataSourcePlugins plugins;

    /** @param apiLocation the jar or classes folder of module {@code layerhost.api}, to compile against */
    ModularPlugins(Path apiLocation) {
        this.plugins = DataSourcePlugins.compiledAgainst(apiLocation);
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
        List<String> ids = IntStream.range(0, count).mapToObj(ModularPlugins::id).toList();
        return plugins.batch(ids).version("1.0.0").build(scratch, root);
    }

    /** The plugin {@code index} in another version, built with its own javac run at {@code jar}. */
    Path variant(int index, String version, Path jar) {
        return plugins.plugin(id(index), version).build(jar);
    }
}

package dev.layerhost.samples;

import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every sample root is built from: the API jar plugins compile against, the tree of plugin
 * sources ({@code plugins/<root>/<entry>/<module>/}), and a directory for jars that are needed to
 * compile a sample but belong in no root.
 */
record Workspace(Path apiJar, Path pluginSources, Path compileOnly) {

    static final String DATA_SOURCE = DataSourcePlugins.SERVICE;
    static final String ML_PLATFORM = "dev.layerhost.api.MlPlatform";
    static final String EXPORTER = "dev.layerhost.api.Exporter";

    /**
     * The source tree of one module, for example {@code sources("demo", "csv-source", "p.csv")}.
     *
     * @throws IllegalStateException if the directory does not exist (a renamed sample, for example)
     */
    Path sources(String root, String entry, String module) {
        Path directory = pluginSources.resolve(root).resolve(entry).resolve(module);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("No sources for sample module " + module + " in " + directory);
        }
        return directory;
    }

    /** A plugin module: versioned, {@code requires layerhost.api}, compiled against the API jar. */
    PluginJar.Builder plugin(String module, String version) {
        return PluginJar.builder(module).version(version).requires(DataSourcePlugins.API_MODULE).modulePath(apiJar);
    }

    /** A library module: versioned, needing nothing but the JDK unless told otherwise. */
    PluginJar.Builder library(String module, String version) {
        return PluginJar.builder(module).version(version);
    }
}

package dev.layerhost.cli;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;
import dev.layerhost.pluginbuilder.PluginJar;

import java.nio.file.Path;

/**
 * The plugin jars the CLI tests put in their roots, built with the test kit's {@link DataSourcePlugins}
 * against the host's API module: each plugin {@code p.x} provides {@code dev.layerhost.api.DataSource}
 * with the class {@code p.x.Source}.
 */
final class Plugins {

    private static final DataSourcePlugins DATA_SOURCES =
            DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));

    private Plugins() {
    }

    /**
     * A plugin {@code id} that requires {@code layerhost.api} and provides a data source whose class body
     * additionally holds {@code members} (constructors, static initializers).
     */
    static PluginJar.Builder dataSource(String id, String version, String members) {
        return DATA_SOURCES.plugin(id, version, members);
    }

    /** The jar (or classes folder) of the host's API module, to compile plugins against. */
    static Path apiJar() {
        return DATA_SOURCES.apiJar();
    }

    /** A sound plugin {@code id} at {@code jar}. */
    static Path sound(Path jar, String id, String version) {
        return DATA_SOURCES.plugin(id, version).build(jar);
    }

    /** A plugin {@code id} that also requires {@code missingModule}, which no entry holds. */
    static Path missingDependency(Path jar, String id, String version, String missingModule) {
        return DATA_SOURCES.plugin(id, version).requires(missingModule).build(jar);
    }

    /** A sound plugin whose provider's constructor throws an IllegalStateException with {@code message}. */
    static Path throwingConstructor(Path jar, String id, String message) {
        return dataSource(id, "1.0.0", """
                    public Source() {
                        throw new IllegalStateException("%s");
                    }
                """.formatted(message)).build(jar);
    }

    /** A sound plugin whose provider's static initializer creates the file {@code marker}. */
    static Path markingStaticInitializer(Path jar, String id, Path marker) {
        String path = marker.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        return dataSource(id, "1.0.0", """
                    static {
                        try {
                            java.nio.file.Files.createFile(java.nio.file.Path.of("%s"));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                """.formatted(path)).build(jar);
    }

    /** A non-modular jar whose META-INF/services names a data source: an automatic module plugin. */
    static Path automatic(Path jar, String className) {
        return DATA_SOURCES.automatic(className).build(jar);
    }
}

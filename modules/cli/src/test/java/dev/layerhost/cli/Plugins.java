package dev.layerhost.cli;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.PluginJar;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Real plugin jars for the CLI tests, built with {@link PluginJar} against the host's API module.
 * Each plugin {@code p.x} provides {@code dev.layerhost.api.DataSource} with the class {@code p.x.Source}.
 */
final class Plugins {

    static final String DATA_SOURCE = "dev.layerhost.api.DataSource";

    private Plugins() {
    }

    /** The jar (or classes folder) of module {@code layerhost.api} that the tests run with. */
    static Path apiJar() {
        try {
            return Path.of(DataSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate layerhost.api", e);
        }
    }

    /**
     * A plugin {@code id} that requires {@code layerhost.api} and provides a data source whose class body
     * additionally holds {@code members} (constructors, static initializers).
     */
    static PluginJar.Builder dataSource(String id, String version, String members) {
        return PluginJar.builder(id)
                .version(version)
                .requires("layerhost.api")
                .provides(DATA_SOURCE, id + ".Source")
                .source(id + ".Source", sourceText(id, members))
                .modulePath(apiJar());
    }

    /** A sound plugin {@code id} at {@code jar}. */
    static Path sound(Path jar, String id, String version) {
        return dataSource(id, version, "").build(jar);
    }

    /** A plugin {@code id} that also requires {@code missingModule}, which no entry holds. */
    static Path missingDependency(Path jar, String id, String version, String missingModule) {
        return dataSource(id, version, "").requires(missingModule).build(jar);
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
        int dot = className.lastIndexOf('.');
        String packageName = className.substring(0, dot);
        String simpleName = className.substring(dot + 1);
        return PluginJar.builder(packageName)
                .automatic()
                .provides(DATA_SOURCE, className)
                .source(className, """
                        package %s;
                        import java.util.*;
                        public class %s implements dev.layerhost.api.DataSource {
                            public String name() { return "%s"; }
                            public List<String> schemes() { return List.of("legacy"); }
                            public List<Map<String, Object>> read(String location, int limit) { return List.of(); }
                        }
                        """.formatted(packageName, simpleName, simpleName))
                .modulePath(apiJar())
                .build(jar);
    }

    private static String sourceText(String id, String members) {
        return """
                package %s;
                import java.util.*;
                public class Source implements dev.layerhost.api.DataSource {
                %s
                    public String name() { return "%s"; }
                    public List<String> schemes() { return List.of("test"); }
                    public List<Map<String, Object>> read(String location, int limit) { return List.of(); }
                }
                """.formatted(id, members, id);
    }
}

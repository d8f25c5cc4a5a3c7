package dev.layerhost.image;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.PluginJar;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The plugins the image tests build: data sources compiled against the host's own API module. */
final class ImagePlugins {

    static final String DATA_SOURCE = "dev.layerhost.api.DataSource";

    private ImagePlugins() {
    }

    /** A plugin {@code id} providing a data source {@code id.Source} whose class body also holds {@code members}. */
    static PluginJar.Builder dataSource(String id, String version, String members) {
        return PluginJar.builder(id)
                .version(version)
                .requires("layerhost.api")
                .provides(DATA_SOURCE, id + ".Source")
                .source(id + ".Source", """
                        package %s;
                        import java.util.*;
                        public class Source implements dev.layerhost.api.DataSource {
                        %s
                            public String name() { return "%s"; }
                            public List<String> schemes() { return List.of("test"); }
                            public List<Map<String, Object>> read(String location, int limit) { return List.of(); }
                        }
                        """.formatted(id, members, id))
                .modulePath(apiJar());
    }

    private static Path apiJar() {
        try {
            return Path.of(DataSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate layerhost.api", e);
        }
    }
}

package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.PluginJar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PluginHostSmokeTest {

    @TempDir
    Path root;

    @Test
    void soundPluginLoadsAndItsServiceIsFoundByType() throws Exception {
        Path apiJar = Path.of(DataSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        PluginJar.builder("p.alpha")
                .version("1.2.0")
                .requires("layerhost.api")
                .provides("dev.layerhost.api.DataSource", "p.alpha.AlphaSource")
                .source("p.alpha.AlphaSource", """
                        package p.alpha;
                        import java.util.*;
                        public class AlphaSource implements dev.layerhost.api.DataSource {
                            public String name() { return "alpha"; }
                            public List<String> schemes() { return List.of("alpha"); }
                            public List<Map<String, Object>> read(String location, int limit) { return List.of(); }
                        }
                        """)
                .modulePath(apiJar)
                .build(root.resolve("alpha.jar"));
        Files.writeString(root.resolve("README.txt"), "not a plugin");

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.load();
            assertEquals(List.of(), report.diagnostics());
            assertEquals(PluginStatus.LOADED, report.plugins().get(0).status());
            List<PluginService<DataSource>> sources = host.services(DataSource.class);
            assertEquals(1, sources.size());
            assertEquals("p.alpha", sources.get(0).plugin());
            assertEquals("alpha", sources.get(0).service().name());
        }
    }
}

package dev.layerhost.core;

import dev.layerhost.pluginbuilder.ModuleInfoClass;
import dev.layerhost.pluginbuilder.PluginJar;
import dev.layerhost.pluginbuilder.ZipTampering;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.ReportAssertions.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * An entry whose module is named like a module of the host (the API module, a module of the runtime)
 * never stands between the other plugins and what they require of the host: one hostile jar named
 * {@code layerhost.api} must not reject them all, nor one named {@code java.sql} serve them its code.
 */
class HostModuleNamesTest {

    @TempDir
    Path root;

    private PluginHost host() {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build();
    }

    @Test
    void aJarNamedLikeTheApiModuleLeavesThePluginsThatRequireTheApiAlone() {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")),
                () -> PluginJar.builder("impostor").automaticModuleName("layerhost.api")
                        .provides(PluginRootFixture.DATA_SOURCE, "impostor.Source")
                        .source("impostor.Source", PluginRootFixture.dataSourceClass("impostor", "\"impostor\"", ""))
                        .modulePath(PluginRootFixture.apiJar())
                        .build(root.resolve("x-api.jar")));
        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(PluginStatus.OK, rowOf(scanned, "sound.jar").status(), scanned::toString);
            assertEquals(List.of(), ReportAssertions.diagnosticsOf(scanned, "sound.jar"), scanned::toString);
            Report loaded = host.load();
            assertEquals(PluginStatus.LOADED, rowOf(loaded, "sound.jar").status(), loaded::toString);
        }
    }

    @Test
    void aPluginNamedLikeARuntimeModuleIsNoParentOfThePluginsThatRequireThatModule() {
        buildAll(() -> dataSource("impostor.sql", "1.0.0").build(root.resolve("x-javasql.jar")),
                () -> dataSource("p.needsql", "1.0.0").requires("java.sql").build(root.resolve("needsql.jar")));
        // javac will not compile a module named java.sql: its descriptor is written directly
        ModuleDescriptor impostor = ModuleDescriptor.newModule("java.sql").version("1.0.0").requires("layerhost.api")
                .packages(Set.of("impostor.sql")).exports("impostor.sql")
                .provides(PluginRootFixture.DATA_SOURCE, List.of("impostor.sql.Source")).build();
        ZipTampering.rewrite(root.resolve("x-javasql.jar"), entries -> entries.put("module-info.class", ModuleInfoClass.of(impostor)));
        try (PluginHost host = host()) {
            LayerNode needsql = host.graph().layers().stream().filter(layer -> layer.plugin().equals("p.needsql"))
                    .findFirst().orElseThrow();
            assertEquals(List.of(), needsql.parents(), needsql::toString); // no plugin parent: the API layer alone
            Report loaded = host.load();
            assertEquals(PluginStatus.LOADED, rowOf(loaded, "needsql.jar").status(), loaded::toString);
            ModuleLayer layer = host.layer("p.needsql").orElseThrow();
            assertSame(ModuleLayer.boot(), layer.findModule("java.sql").orElseThrow().getLayer(),
                    "p.needsql reads the runtime's java.sql");
        }
    }
}

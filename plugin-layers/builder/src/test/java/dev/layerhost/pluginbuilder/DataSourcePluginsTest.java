package dev.layerhost.pluginbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcePluginsTest {

    @TempDir
    Path dir;

    private DataSourcePlugins plugins;

    /** A stand-in for layerhost.api with the same DataSource, since the kit must not require the real one. */
    @BeforeEach
    void standInApi() {
        Path api = PluginJar.builder(DataSourcePlugins.API_MODULE)
                .version("1.0.0")
                .exports("dev.layerhost.api")
                .source(DataSourcePlugins.SERVICE, """
                        package dev.layerhost.api;
                        import java.util.List;
                        import java.util.Map;
                        public interface DataSource {
                            String name();
                            List<String> schemes();
                            List<Map<String, Object>> read(String location, int limit);
                        }
                        """)
                .build(dir.resolve("api/layerhost-api.jar"));
        plugins = DataSourcePlugins.compiledAgainst(api);
    }

    private static ModuleDescriptor describe(Path jar) {
        return ModuleFinder.of(jar).findAll().stream().map(ModuleReference::descriptor).findFirst().orElseThrow();
    }

    /** The {@code name()} of every provider that the modules of {@code jars} give, loaded over the API jar. */
    private List<String> names(Path... jars) throws ReflectiveOperationException {
        ModuleFinder finder = ModuleFinder.of(jars);
        Set<String> roots = finder.findAll().stream().map(reference -> reference.descriptor().name())
                .collect(Collectors.toSet());
        ModuleLayer api = layer(ModuleFinder.of(plugins.apiJar()), Set.of(DataSourcePlugins.API_MODULE),
                ModuleLayer.boot());
        ModuleLayer layer = layer(finder, roots, api);
        Class<?> service = api.findLoader(DataSourcePlugins.API_MODULE).loadClass(DataSourcePlugins.SERVICE);
        // A test patched into this named module may only load services it uses.
        getClass().getModule().addUses(service);
        var names = new ArrayList<String>();
        for (Object provider : ServiceLoader.load(layer, service)) {
            names.add((String) service.getMethod("name").invoke(provider));
        }
        return names;
    }

    private static ModuleLayer layer(ModuleFinder finder, Set<String> roots, ModuleLayer parent) {
        Configuration configuration = parent.configuration().resolve(finder, ModuleFinder.of(), roots);
        return parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }

    @Test
    void pluginRequiresTheApiAndProvidesTheServiceWithItsSourceClass() throws ReflectiveOperationException {
        Path jar = plugins.plugin("p.alpha", "1.2.0").build(dir.resolve("alpha.jar"));

        ModuleDescriptor descriptor = describe(jar);
        assertEquals("p.alpha", descriptor.name());
        assertEquals(Optional.of("1.2.0"), descriptor.rawVersion());
        Requires api = descriptor.requires().stream()
                .filter(requires -> requires.name().equals(DataSourcePlugins.API_MODULE)).findFirst().orElseThrow();
        assertEquals("1.0.0", api.compiledVersion().orElseThrow().toString(), "compiled against the given jar");
        assertEquals(1, descriptor.provides().size());
        Provides provides = descriptor.provides().iterator().next();
        assertEquals(DataSourcePlugins.SERVICE, provides.service());
        assertEquals(List.of("p.alpha.Source"), provides.providers());
        assertEquals(List.of("p.alpha"), names(jar), "name() returns the module's name");
    }

    @Test
    void membersGoIntoTheSourceClassBody() {
        Path jar = plugins.plugin("p.boom", "1.0.0", """
                    public Source() {
                        throw new IllegalStateException("no configuration for boom");
                    }
                """).build(dir.resolve("boom.jar"));

        var failure = assertThrows(ServiceConfigurationError.class, () -> names(jar));

        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("no configuration for boom", failure.getCause().getMessage());
    }

    @Test
    void pluginBuilderTakesFurtherDeclarations() {
        Path jar = plugins.plugin("p.beta", "0.9.1").requires("lib.absent").build(dir.resolve("beta.jar"));

        assertEquals(Set.of("java.base", DataSourcePlugins.API_MODULE, "lib.absent"),
                describe(jar).requires().stream().map(Requires::name).collect(Collectors.toSet()));
    }

    @Test
    void automaticPluginIsNamedAfterItsFileAndNamesItsProviderInServiceFiles() throws ReflectiveOperationException {
        Path jar = plugins.automatic("legacy.LegacySource").build(dir.resolve("legacy-tool-2.1.jar"));

        ModuleDescriptor descriptor = describe(jar);
        assertTrue(descriptor.isAutomatic());
        assertEquals("legacy.tool", descriptor.name());
        assertEquals(List.of("legacy.LegacySource"), descriptor.provides().iterator().next().providers());
        assertEquals(List.of("LegacySource"), names(jar), "name() returns the class's simple name");
    }

    @Test
    void batchBuildsEveryPluginAsPluginDeclaresIt() throws ReflectiveOperationException {
        List<Path> jars = plugins.batch(List.of("p.one", "p.two")).version("1.0.0")
                .build(dir.resolve("work"), dir.resolve("root"));

        assertEquals(List.of(dir.resolve("root/p.one.jar"), dir.resolve("root/p.two.jar")), jars);
        for (Path jar : jars) {
            ModuleDescriptor descriptor = describe(jar);
            assertEquals(Optional.of("1.0.0"), descriptor.rawVersion());
            assertEquals(Set.of(descriptor.name()), descriptor.packages());
            assertEquals(List.of(descriptor.name() + ".Source"), descriptor.provides().iterator().next().providers());
        }
        assertEquals(List.of("p.one", "p.two"), names(jars.toArray(Path[]::new)).stream().sorted().toList());
    }

    @Test
    void sourceOfNamesTheClassAndReturnsTheNameExpression() {
        String source = DataSourcePlugins.sourceOf("p.gamma.Gamma", "\"g\" + 1", "    private int calls;");

        assertTrue(source.startsWith("package p.gamma;\n"), source);
        assertTrue(source.contains("public class Gamma implements dev.layerhost.api.DataSource {"), source);
        assertTrue(source.contains("private int calls;"), source);
        assertTrue(source.contains("public String name() { return \"g\" + 1; }"), source);
    }

    @Test
    void aClassWithoutPackageIsRefused() {
        var failure = assertThrows(IllegalArgumentException.class,
                () -> DataSourcePlugins.sourceOf("Source", "\"x\"", ""));

        assertEquals("Class Source has no package", failure.getMessage());
    }
}

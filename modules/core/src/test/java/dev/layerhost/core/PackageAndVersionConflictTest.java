package dev.layerhost.core;

import dev.layerhost.pluginbuilder.PluginJar;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.DATA_SOURCE;
import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.library;
import static dev.layerhost.core.ReportAssertions.assertDiagnostic;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a plugin's layer would read: split packages (within the entry and against the API layer) and
 * two versions of one module, or a major version other than the one it was compiled against.
 */
class PackageAndVersionConflictTest {

    @TempDir
    Path root;

    @Test
    void splitPackageNamesThePackageAndBothModules() {
        Path split = root.resolve("split");
        Path both = root.resolve("both");
        buildAll(
                // The plugin holds shared.util itself and reads a library that exports it too.
                () -> library("lib.split", "1.0.0", "shared.util").build(split.resolve("lib-split.jar")),
                () -> dataSource("p.split", "1.0.0").requires("lib.split").emptyClass("shared.util.Strings")
                        .build(split.resolve("p-split.jar")),
                // Two libraries of one folder export one package, and the plugin reads both.
                () -> library("lib.one", "1.0.0", "shared.text").build(both.resolve("lib-one.jar")),
                () -> library("lib.two", "1.0.0", "shared.text").build(both.resolve("lib-two.jar")),
                () -> dataSource("p.both", "1.0.0").requires("lib.one").requires("lib.two")
                        .build(both.resolve("p-both.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            Diagnostic own = onlyDiagnosticOf(report, "split");
            assertError(own, DiagnosticCode.SPLIT_PACKAGE, "p.split", "split",
                    Map.of("package", "shared.util", "modules", List.of("lib.split", "p.split"),
                            "files", List.of("split/lib-split.jar", "split/p-split.jar")));
            // The text names the jars as details.files does, so a person needs no JSON to find them.
            assertEquals("package shared.util is in both lib.split (split/lib-split.jar) and p.split (split/p-split.jar)",
                    own.message());
            assertError(onlyDiagnosticOf(report, "both"), DiagnosticCode.SPLIT_PACKAGE, "p.both", "both",
                    Map.of("package", "shared.text", "modules", List.of("lib.one", "lib.two")));
            assertEquals(Map.of("both", PluginStatus.REJECTED, "sound.jar", PluginStatus.OK,
                    "split", PluginStatus.REJECTED), statuses(report));
        }
    }

    /**
     * The JDK defines a plugin's layer with one class loader, which cannot hold one package in two
     * modules even when neither exports it: a load would fail, so the scan must say so first.
     */
    @Test
    void concealedPackageInTwoModulesOfOneLayerIsASplitPackageFoundByScan() {
        Path hidden = root.resolve("hidden");
        buildAll(
                () -> PluginJar.builder("lib.inner").version("1.0.0").exports("lib.inner")
                        .emptyClass("lib.inner.Api").emptyClass("common.impl.Helper")
                        .build(hidden.resolve("lib-inner.jar")),
                () -> dataSource("p.hidden", "1.0.0").requires("lib.inner").emptyClass("common.impl.Own")
                        .build(hidden.resolve("p-hidden.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "hidden"), DiagnosticCode.SPLIT_PACKAGE, "p.hidden", "hidden",
                    Map.of("package", "common.impl", "modules", List.of("lib.inner", "p.hidden")));
            assertEquals(Map.of("hidden", PluginStatus.REJECTED, "sound.jar", PluginStatus.OK), statuses(report));
            assertEquals(statuses(report).keySet(), statuses(host.load()).keySet());
            assertEquals(report.diagnostics(), host.load().diagnostics());
        }
    }

    /**
     * Two modules of one plugin's layer each read another parent plugin, and both parents export
     * {@code common.util}: the layer's one class loader would have to import that package from two
     * loaders, which the JDK refuses when defining the layer.
     */
    @Test
    void layerImportingOnePackageFromTwoParentPluginsIsASplitPackageFoundByScan() {
        Path user = root.resolve("user");
        buildAll(
                () -> dataSource("p.one", "1.0.0").exports("common.util").emptyClass("common.util.One")
                        .build(root.resolve("one.jar")),
                () -> dataSource("p.two", "1.0.0").exports("common.util").emptyClass("common.util.Two")
                        .build(root.resolve("two.jar")),
                () -> library("lib.bridge", "1.0.0", "lib.bridge").requires("p.two")
                        .build(user.resolve("lib-bridge.jar")),
                () -> dataSource("p.user", "1.0.0").requires("p.one").requires("lib.bridge")
                        .build(user.resolve("p-user.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "user"), DiagnosticCode.SPLIT_PACKAGE, "p.user", "user",
                    Map.of("package", "common.util", "modules", List.of("p.one", "p.two")));
            assertEquals(Map.of("one.jar", PluginStatus.OK, "two.jar", PluginStatus.OK,
                    "user", PluginStatus.REJECTED), statuses(report));
            Report loaded = host.load();
            assertEquals(Map.of("one.jar", PluginStatus.LOADED, "two.jar", PluginStatus.LOADED,
                    "user", PluginStatus.REJECTED), statuses(loaded));
            assertEquals(report.diagnostics(), loaded.diagnostics());
        }
    }

    /**
     * Stricter than the JDK, which defines such layers: a layer's one class loader looks in its own
     * packages before other layers', so a package that a private library holds, even concealed, hides the
     * package of that name the plugin reads from the API layer or from a parent plugin, and loading the
     * plugin would fail with a {@code ClassNotFoundException}.
     */
    @Test
    void packageHeldInTheLayerAndReadFromAParentLayerIsASplitPackageFoundByScan() {
        Path shadowApi = root.resolve("shadow-api");
        Path child = root.resolve("child");
        buildAll(
                () -> library("lib.shadow", "1.0.0", "lib.shadow").emptyClass("dev.layerhost.api.Hidden")
                        .build(shadowApi.resolve("lib-shadow.jar")),
                () -> dataSource("p.shadowapi", "1.0.0").requires("lib.shadow")
                        .build(shadowApi.resolve("p-shadowapi.jar")),
                () -> dataSource("p.par", "1.0.0").exports("shared.pkg").emptyClass("shared.pkg.Parent")
                        .build(root.resolve("par.jar")),
                () -> library("lib.conceal", "1.0.0", "lib.conceal").emptyClass("shared.pkg.Own")
                        .build(child.resolve("lib-conceal.jar")),
                () -> dataSource("p.child", "1.0.0").requires("p.par").requires("lib.conceal")
                        .build(child.resolve("p-child.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "shadow-api"), DiagnosticCode.SPLIT_PACKAGE, "p.shadowapi",
                    "shadow-api", Map.of("package", "dev.layerhost.api", "modules", List.of("layerhost.api", "lib.shadow"),
                            "files", List.of("api", "shadow-api/lib-shadow.jar")));
            assertError(onlyDiagnosticOf(report, "child"), DiagnosticCode.SPLIT_PACKAGE, "p.child", "child",
                    Map.of("package", "shared.pkg", "modules", List.of("lib.conceal", "p.par"),
                            "files", List.of("child/lib-conceal.jar", "par.jar")));
            assertEquals(Map.of("child", PluginStatus.REJECTED, "par.jar", PluginStatus.OK,
                    "shadow-api", PluginStatus.REJECTED), statuses(report));
            Report loaded = host.load();
            assertEquals(report.diagnostics(), loaded.diagnostics());
            assertEquals(Map.of("child", PluginStatus.REJECTED, "par.jar", PluginStatus.LOADED,
                    "shadow-api", PluginStatus.REJECTED), statuses(loaded));
        }
    }

    /**
     * The JDK resolves a child plugin against a parent's qualified export to it, but defines the parent's
     * layer before the child exists, so the export never reaches the child: a warning, and an error where
     * the child's descriptor shows it needs the package ({@code uses} a type of it).
     */
    @Test
    void qualifiedExportOfAParentPluginToAChildDoesNotReachIt() {
        // The parent first: p.qk2 compiles against its package.
        Path parent = dataSource("p.qb", "1.0.0")
                .source("pqb.Helper", "package pqb; public final class Helper { }")
                .source("pqb.svc.Spi", "package pqb.svc; public interface Spi { }")
                .exportsTo("pqb", "p.qk")
                .exportsTo("pqb.svc", "p.qk2")
                .build(root.resolve("qb.jar"));
        buildAll(
                () -> dataSource("p.qk", "1.0.0").requires("p.qb").build(root.resolve("qk.jar")),
                () -> dataSource("p.qk2", "1.0.0").requires("p.qb").uses("pqb.svc.Spi")
                        .modulePath(parent).build(root.resolve("qk2.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            Diagnostic warning = onlyDiagnosticOf(report, "qk.jar");
            assertDiagnostic(warning, DiagnosticCode.INEFFECTIVE_EXPORT, Severity.WARNING, "p.qk", "qk.jar",
                    Map.of("module", "p.qk", "package", "pqb", "exporter", "p.qb"));
            assertError(diagnosticsOf(report, "qk2.jar").stream()
                            .filter(d -> d.code() == DiagnosticCode.MISSING_DEPENDENCY).findFirst().orElseThrow(),
                    DiagnosticCode.MISSING_DEPENDENCY, "p.qk2", "qk2.jar",
                    Map.of("module", "p.qk2", "package", "pqb.svc", "exporter", "p.qb"));
            assertEquals(Map.of("qb.jar", PluginStatus.OK, "qk.jar", PluginStatus.OK,
                    "qk2.jar", PluginStatus.REJECTED), statuses(report));
        }
    }

    /**
     * javac refuses a module that holds {@code dev.layerhost.api} while it reads the real
     * {@code layerhost.api}, so the plugin is compiled against the builder's empty stub of
     * {@code layerhost.api} and carries its own copy of the {@code DataSource} interface: the kind of
     * jar a shading build produces.
     */
    @Test
    void pluginHoldingAPackageOfTheApiLayerIsASplitPackageWithTheApiModule() {
        buildAll(
                () -> PluginJar.builder("p.apisplit")
                        .version("1.0.0")
                        .requires("layerhost.api")
                        .provides(DATA_SOURCE, "p.apisplit.Source")
                        .source("dev.layerhost.api.DataSource", """
                                package dev.layerhost.api;
                                public interface DataSource {
                                    String name();
                                    java.util.List<String> schemes();
                                    java.util.List<java.util.Map<String, Object>> read(String location, int limit);
                                }
                                """)
                        .source("p.apisplit.Source", PluginRootFixture.dataSourceClass("p.apisplit", "\"shaded\"", ""))
                        .build(root.resolve("apisplit.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            // One diagnostic: the split says it all, a second "shadowed API" one would be noise.
            Diagnostic split = onlyDiagnosticOf(report, "apisplit.jar");
            assertError(split, DiagnosticCode.SPLIT_PACKAGE, "p.apisplit", "apisplit.jar",
                    Map.of("package", "dev.layerhost.api", "modules", List.of("layerhost.api", "p.apisplit")));
            assertEquals("package dev.layerhost.api is in both layerhost.api (API layer) and p.apisplit (apisplit.jar)",
                    split.message());
            assertEquals(Map.of("apisplit.jar", PluginStatus.REJECTED, "sound.jar", PluginStatus.OK),
                    statuses(report));
        }
    }

    /**
     * With an API layer given by {@code --api} (module {@code acme.api}, package {@code acme.api}), a
     * plugin whose private library also exports {@code acme.api} would read that package from two
     * modules. A sound plugin of the same API loads beside it.
     */
    @Test
    void privateLibraryExportingAnApiPackageIsASplitPackageWithTheApiModule(@TempDir Path apiDir) throws Exception {
        Path apiJar = PluginJar.builder("acme.api")
                .version("1.0.0")
                .exports("acme.api")
                .source("acme.api.Greeter", "package acme.api; public interface Greeter { String greet(String name); }")
                .build(apiDir.resolve("acme-api.jar"));
        Path shadowed = root.resolve("shadowed");
        buildAll(
                () -> library("lib.shadow", "1.0.0", "acme.api").build(shadowed.resolve("lib-shadow.jar")),
                () -> greeter("p.shadowed").requires("lib.shadow").modulePath(apiJar)
                        .build(shadowed.resolve("p-shadowed.jar")),
                () -> greeter("p.hello").modulePath(apiJar).build(root.resolve("hello.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).apiPath(apiJar).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "shadowed"), DiagnosticCode.SPLIT_PACKAGE, "p.shadowed", "shadowed",
                    Map.of("package", "acme.api", "modules", List.of("acme.api", "lib.shadow")));
            assertEquals(List.of(), diagnosticsOf(report, "hello.jar"));
            assertEquals(Map.of("hello.jar", PluginStatus.OK, "shadowed", PluginStatus.REJECTED), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("hello.jar", PluginStatus.LOADED, "shadowed", PluginStatus.REJECTED),
                    statuses(loaded));
            Class<?> greeterType = host.apiLayer().findLoader("acme.api").loadClass("acme.api.Greeter");
            List<? extends PluginService<?>> greeters = host.services(greeterType);
            assertEquals(List.of("p.hello"), greeters.stream().map(PluginService::plugin).toList());
            assertEquals("p.hello greets you",
                    greeterType.getMethod("greet", String.class).invoke(greeters.get(0).service(), "you"));
        }
    }

    @Test
    void pluginReadingTwoVersionsOfALibraryThroughAParentPluginIsAVersionConflict() {
        Path base = root.resolve("base");
        Path vc = root.resolve("vc");
        buildAll(
                () -> library("lib.json", "1.0.0", "lib.json").build(base.resolve("lib-json-1.0.0.jar")),
                () -> dataSource("p.base", "1.0.0").requiresTransitive("lib.json").compiledAgainst("lib.json", "1.0.0")
                        .build(base.resolve("p-base.jar")),
                () -> library("lib.json", "2.0.0", "lib.json").build(vc.resolve("lib-json-2.0.0.jar")),
                () -> dataSource("p.vc", "1.0.0").requires("p.base").requires("lib.json")
                        .compiledAgainst("lib.json", "2.0.0").build(vc.resolve("p-vc.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            Diagnostic conflict = onlyDiagnosticOf(report, "vc");
            assertError(conflict, DiagnosticCode.VERSION_CONFLICT, "p.vc", "vc",
                    Map.of("module", "lib.json", "versions", List.of("1.0.0", "2.0.0")));
            assertTrue(conflict.message().contains("1.0.0") && conflict.message().contains("2.0.0"),
                    conflict.message());
            assertEquals(List.of(), diagnosticsOf(report, "base"));
            assertEquals(Map.of("base", PluginStatus.OK, "vc", PluginStatus.REJECTED), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("base", PluginStatus.LOADED, "vc", PluginStatus.REJECTED), statuses(loaded));
        }
    }

    /**
     * No single module reads both copies here: the plugin module reads lib.json 1.0.0 through one parent
     * plugin, its library reads lib.json 2.0.0 through another. Their layer's one class loader would
     * still have to import package lib.json from both, so the plugin reads two versions of lib.json.
     */
    @Test
    void twoModulesOfOneLayerReadingTwoVersionsThroughTwoParentPluginsIsAVersionConflict() {
        buildAll(
                () -> library("lib.json", "1.0.0", "lib.json").build(root.resolve("json-one/lib-json.jar")),
                () -> dataSource("p.jsonone", "1.0.0").requiresTransitive("lib.json")
                        .build(root.resolve("json-one/p-jsonone.jar")),
                () -> library("lib.json", "2.0.0", "lib.json").build(root.resolve("json-two/lib-json.jar")),
                () -> dataSource("p.jsontwo", "1.0.0").requiresTransitive("lib.json")
                        .build(root.resolve("json-two/p-jsontwo.jar")),
                () -> library("lib.adapter", "1.0.0", "lib.adapter").requires("p.jsontwo")
                        .build(root.resolve("mixed/lib-adapter.jar")),
                () -> dataSource("p.mixed", "1.0.0").requires("p.jsonone").requires("lib.adapter")
                        .build(root.resolve("mixed/p-mixed.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "mixed"), DiagnosticCode.VERSION_CONFLICT, "p.mixed", "mixed",
                    Map.of("module", "lib.json", "versions", List.of("1.0.0", "2.0.0")));
            assertEquals(Map.of("json-one", PluginStatus.OK, "json-two", PluginStatus.OK,
                    "mixed", PluginStatus.REJECTED), statuses(report));
            Report loaded = host.load();
            assertEquals(Map.of("json-one", PluginStatus.LOADED, "json-two", PluginStatus.LOADED,
                    "mixed", PluginStatus.REJECTED), statuses(loaded));
            assertEquals(report.diagnostics(), loaded.diagnostics());
        }
    }

    @Test
    void bundledMajorOtherThanTheCompiledOneIsAVersionConflictButAMinorDifferenceIsFine() {
        Path major = root.resolve("major");
        Path minor = root.resolve("minor");
        buildAll(
                () -> library("lib.codec", "2.0.0", "lib.codec").build(major.resolve("lib-codec-2.0.0.jar")),
                () -> dataSource("p.major", "1.0.0").requires("lib.codec").compiledAgainst("lib.codec", "1.4.0")
                        .build(major.resolve("p-major.jar")),
                // "01.9" is 1.9 to the JDK's versions: the same major
                () -> library("lib.codec", "01.9", "lib.codec").build(minor.resolve("lib-codec-1.9.0.jar")),
                () -> dataSource("p.minor", "1.0.0").requires("lib.codec").compiledAgainst("lib.codec", "1.4.0")
                        .build(minor.resolve("p-minor.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "major"), DiagnosticCode.VERSION_CONFLICT, "p.major", "major",
                    Map.of("module", "lib.codec", "requiredBy", "p.major", "versions", List.of("1.4.0", "2.0.0")));
            assertEquals(List.of(), diagnosticsOf(report, "minor"));
            assertEquals(Map.of("major", PluginStatus.REJECTED, "minor", PluginStatus.OK), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("major", PluginStatus.REJECTED, "minor", PluginStatus.LOADED), statuses(loaded));
        }
    }

    @Test
    void pluginCompiledAgainstAnotherMajorOfItsParentPluginIsAVersionConflict() {
        buildAll(
                () -> dataSource("p.parent", "2.0.0").build(root.resolve("parent.jar")),
                () -> dataSource("p.child", "1.0.0").requires("p.parent").compiledAgainst("p.parent", "1.3.0")
                        .build(root.resolve("child.jar")),
                () -> dataSource("p.sibling", "1.0.0").requires("p.parent").compiledAgainst("p.parent", "2.1.0")
                        .build(root.resolve("sibling.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "child.jar"), DiagnosticCode.VERSION_CONFLICT, "p.child",
                    "child.jar", Map.of("module", "p.parent", "requiredBy", "p.child",
                            "versions", List.of("1.3.0", "2.0.0")));
            assertEquals(Map.of("child.jar", PluginStatus.REJECTED, "parent.jar", PluginStatus.OK,
                    "sibling.jar", PluginStatus.OK), statuses(report));
        }
    }

    /** A plugin {@code module} of the {@code acme.api.Greeter} service; compile it against the API jar. */
    private static PluginJar.Builder greeter(String module) {
        return PluginJar.builder(module)
                .version("1.0.0")
                .requires("acme.api")
                .provides("acme.api.Greeter", module + ".Hello")
                .source(module + ".Hello", """
                        package %s;
                        public class Hello implements acme.api.Greeter {
                            public String greet(String name) { return "%s greets " + name; }
                        }
                        """.formatted(module, module));
    }
}

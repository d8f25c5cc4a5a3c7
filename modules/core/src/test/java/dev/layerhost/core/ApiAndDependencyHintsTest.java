package dev.layerhost.core;

import dev.layerhost.pluginbuilder.PluginJar;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.library;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hints a first user needs most: plugins of an API the host was not given (the command's
 * {@code --api} forgotten), and a missing library of a plugin that is a single jar.
 */
class ApiAndDependencyHintsTest {

    private static final String GREETER = "acme.api.Greeter";

    @TempDir
    Path workspace;

    private PluginHost host(Path root) {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build();
    }

    private Path acmeApi() {
        return PluginJar.builder("acme.api")
                .version("1.0.0")
                .exports("acme.api")
                .source(GREETER, "package acme.api; public interface Greeter { String greet(String name); }")
                .build(workspace.resolve("api/acme-api.jar"));
    }

    private static PluginJar.Builder greeter(String id, Path acmeApi) {
        return PluginJar.builder(id)
                .version("1.0.0")
                .requires("acme.api")
                .provides(GREETER, id + ".Hello")
                .source(id + ".Hello", "package " + id + "; public class Hello implements acme.api.Greeter {"
                        + " public String greet(String name) { return \"hello \" + name; } }")
                .modulePath(acmeApi);
    }

    @Test
    void pluginOfAnApiTheHostWasNotGivenIsToldThatPackageIsInNoApiModuleAndHowToAddIt() {
        Path root = workspace.resolve("plugins");
        Path api = acmeApi();
        greeter("p.hello", api).build(root.resolve("hello.jar"));

        try (PluginHost host = host(root)) {
            Diagnostic noProvider = onlyDiagnosticOf(host.scan(), "hello.jar");

            assertError(noProvider, DiagnosticCode.NO_PROVIDER, null, "hello.jar",
                    Map.of("modules", List.of("p.hello"), "apiModules", List.of("layerhost.api"),
                            "services", List.of(GREETER), "packages", List.of("acme.api")));
            assertFalse(noProvider.details().containsKey("files"), noProvider::toString);
            assertEquals("p.hello provides acme.api.Greeter, but package acme.api is exported by no API module"
                    + " (API modules: layerhost.api)", noProvider.message());
            // Both ways to add an API module, the command's and the embedding API's; not the provides clause
            // the module already has.
            assertTrue(noProvider.hint().contains("--api PATH"), noProvider.hint());
            assertTrue(noProvider.hint().contains("apiPath"), noProvider.hint());
            assertFalse(noProvider.hint().contains("add 'provides"), noProvider.hint());
        }
    }

    @Test
    void entryWithItsOwnCopyOfTheApiPackageIsToldTheCopyDoesNotCount() {
        Path root = workspace.resolve("plugins");
        Path api = acmeApi();
        Path entry = root.resolve("hello");
        buildAll(
                () -> greeter("p.hello", api).build(entry.resolve("p-hello.jar")),
                () -> PluginJar.builder("acme.api")
                        .version("1.0.0")
                        .exports("acme.api")
                        .source(GREETER, "package acme.api; public interface Greeter { String greet(String name); }")
                        .build(entry.resolve("acme-api-copy.jar")));

        try (PluginHost host = host(root)) {
            Diagnostic noProvider = onlyDiagnosticOf(host.scan(), "hello");

            assertError(noProvider, DiagnosticCode.NO_PROVIDER, null, "hello",
                    Map.of("modules", List.of("acme.api", "p.hello"), "services", List.of(GREETER),
                            "packages", List.of("acme.api"), "files", List.of("hello/acme-api-copy.jar")));
            assertTrue(noProvider.message().endsWith("; the entry's own copy in hello/acme-api-copy.jar does not count"),
                    noProvider.message());
            assertTrue(noProvider.hint().contains("--api PATH"), noProvider.hint());
            assertTrue(noProvider.hint().contains("remove the copy from hello/acme-api-copy.jar"), noProvider.hint());
        }
    }

    @Test
    void aLibraryProvidingItsOwnServiceTypeIsNotNamedAsAnApiTheHostLacks() {
        // as jackson-core provides its own JsonFactory: a library's SPI, beside a plugin of a forgotten API
        Path root = workspace.resolve("plugins");
        Path api = acmeApi();
        Path entry = root.resolve("hello");
        buildAll(
                () -> greeter("p.hello", api).build(entry.resolve("p-hello.jar")),
                () -> PluginJar.builder("lib.json")
                        .version("2.0.0")
                        .exports("lib.json")
                        .source("lib.json.Factory", "package lib.json; public class Factory { }")
                        .provides("lib.json.Factory", "lib.json.Factory")
                        .build(entry.resolve("lib-json.jar")));

        try (PluginHost host = host(root)) {
            Diagnostic noProvider = onlyDiagnosticOf(host.scan(), "hello");

            assertEquals(List.of(GREETER), noProvider.details().get("services"), noProvider::toString);
            assertEquals(List.of("acme.api"), noProvider.details().get("packages"), noProvider::toString);
            assertFalse(noProvider.message().contains("lib.json"), noProvider.message());
            assertFalse(noProvider.hint().contains("lib.json"), noProvider.hint());
            assertTrue(noProvider.hint().contains("--api PATH"), noProvider.hint());
        }
    }

    @Test
    void moduleWithoutAnyProvidesClauseIsToldToAddOne() {
        Path root = workspace.resolve("plugins");
        PluginJar.builder("p.quiet").version("1.0.0").emptyClass("p.quiet.Nothing").build(root.resolve("quiet.jar"));

        try (PluginHost host = host(root)) {
            Diagnostic noProvider = onlyDiagnosticOf(host.scan(), "quiet.jar");

            assertError(noProvider, DiagnosticCode.NO_PROVIDER, null, "quiet.jar",
                    Map.of("modules", List.of("p.quiet"), "apiModules", List.of("layerhost.api")));
            assertFalse(noProvider.details().containsKey("packages"), noProvider::toString);
            assertTrue(noProvider.hint().startsWith("add 'provides <service> with <class>'"), noProvider.hint());
        }
    }

    @Test
    void missingLibraryOfASingleJarSuggestsMakingItAFolderAndOfAFolderAddingTheJar() {
        Path root = workspace.resolve("plugins");
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").requires("lib.x")
                        .modulePath(library("lib.x", "1.0.0", "lib.x").build(workspace.resolve("lib/lib-x.jar")))
                        .build(root.resolve("alpha.jar")),
                () -> dataSource("p.beta", "1.0.0").requires("lib.y")
                        .modulePath(library("lib.y", "1.0.0", "lib.y").build(workspace.resolve("lib/lib-y.jar")))
                        .build(root.resolve("beta/p-beta.jar")));

        try (PluginHost host = host(root)) {
            Report report = host.scan();

            Diagnostic single = onlyDiagnosticOf(report, "alpha.jar");
            assertError(single, DiagnosticCode.MISSING_DEPENDENCY, "p.alpha", "alpha.jar",
                    Map.of("module", "lib.x", "requiredBy", "p.alpha", "file", "alpha.jar"));
            assertTrue(single.hint().startsWith("make alpha.jar a folder alpha/ holding alpha.jar and a jar of module"
                    + " lib.x, or add lib.x to the API layer"), single.hint());

            Diagnostic folder = onlyDiagnosticOf(report, "beta");
            assertError(folder, DiagnosticCode.MISSING_DEPENDENCY, "p.beta", "beta",
                    Map.of("module", "lib.y", "requiredBy", "p.beta", "file", "beta/p-beta.jar"));
            assertTrue(folder.hint().startsWith("add a jar of module lib.y to entry beta, or to the API layer"),
                    folder.hint());
            assertEquals(Map.of("alpha.jar", PluginStatus.REJECTED, "beta", PluginStatus.REJECTED), statuses(report));
        }
    }

    @Test
    void missingModuleOfTheJdkIsToldToComeWithTheRuntimeNotInAJar() {
        // a jdk.* module that this runtime lacks (as jdk.httpserver in an image without it), compiled against
        // a stand-in of that name
        Path root = workspace.resolve("plugins");
        dataSource("p.served", "1.0.0").requires("jdk.absent")
                .modulePath(library("jdk.absent", "1.0.0", "jdk.absent").build(workspace.resolve("lib/jdk-absent.jar")))
                .build(root.resolve("served.jar"));

        try (PluginHost host = host(root)) {
            Diagnostic missing = onlyDiagnosticOf(host.scan(), "served.jar");

            assertEquals(DiagnosticCode.MISSING_DEPENDENCY, missing.code(), missing::toString);
            assertTrue(missing.hint().startsWith("jdk.absent is a module of the JDK that this Java runtime does not"
                    + " contain"), missing.hint());
            assertFalse(missing.hint().contains("folder"), missing.hint());
        }
    }

    @Test
    void libraryPrivateToAnotherEntryIsToBeBundledInAFolderNotInASingleJar() {
        Path root = workspace.resolve("plugins");
        buildAll(
                () -> {
                    Path libX = library("lib.x", "1.0.0", "lib.x").build(root.resolve("other/lib-x.jar"));
                    dataSource("p.other", "1.0.0").requires("lib.x").modulePath(libX)
                            .build(root.resolve("other/p-other.jar"));
                    return dataSource("p.alpha", "1.0.0").requires("lib.x").modulePath(libX)
                            .build(root.resolve("alpha.jar"));
                },
                () -> dataSource("p.beta", "1.0.0").requires("lib.x")
                        .modulePath(library("lib.x", "1.0.0", "lib.x").build(workspace.resolve("lib/lib-x.jar")))
                        .build(root.resolve("beta/p-beta.jar")));

        try (PluginHost host = host(root)) {
            Report report = host.scan();

            Diagnostic single = onlyDiagnosticOf(report, "alpha.jar");
            assertEquals(DiagnosticCode.MISSING_DEPENDENCY, single.code(), single::toString);
            assertEquals("module lib.x is private to plugin entry other; make alpha.jar a folder alpha/ holding"
                    + " alpha.jar and a jar of module lib.x, or require a plugin that makes it visible", single.hint());

            Diagnostic folder = onlyDiagnosticOf(report, "beta");
            assertEquals("module lib.x is private to plugin entry other; bundle it in beta or require a plugin"
                    + " that makes it visible", folder.hint());
            assertEquals(Map.of("alpha.jar", PluginStatus.REJECTED, "beta", PluginStatus.REJECTED,
                    "other", PluginStatus.OK), statuses(report));
        }
    }

    @Test
    void moduleProvidingOnlyAServiceOfTheJavaRuntimeIsNotToldToAddTheRuntimeToTheApiLayer() {
        Path root = workspace.resolve("plugins");
        PluginJar.builder("p.driver").version("1.0.0").requires("java.sql")
                .provides("java.sql.Driver", "p.driver.Drivers")
                .source("p.driver.Drivers", "package p.driver; public final class Drivers {"
                        + " public static java.sql.Driver provider() { throw new IllegalStateException(); } }")
                .build(root.resolve("driver.jar"));

        try (PluginHost host = host(root)) {
            Diagnostic noProvider = onlyDiagnosticOf(host.scan(), "driver.jar");

            assertEquals(DiagnosticCode.NO_PROVIDER, noProvider.code(), noProvider::toString);
            assertEquals("p.driver provides java.sql.Driver, a service type of the Java runtime (java.sql), not of"
                    + " the API layer (API modules: layerhost.api)", noProvider.message());
            assertEquals("add 'provides <service> with <class>' to the plugin's module-info, for a service type"
                    + " exported by layerhost.api", noProvider.hint());
            assertEquals(List.of("java.sql"), noProvider.details().get("runtimeModules"), noProvider::toString);
            assertFalse(noProvider.details().containsKey("packages"), noProvider::toString);
        }
    }
}

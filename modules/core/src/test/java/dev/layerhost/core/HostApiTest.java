package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.apiJar;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core has no service types of its own: a host names its API, and finds its services by its own
 * types. A type of the same name from another class loader is an error, never a silently empty answer.
 */
class HostApiTest {

    @TempDir
    Path workspace;

    @Test
    void aHostWithoutAnApiIsRefusedWithTheWaysToNameOne() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PluginHost.builder().pluginRoot(workspace).build());
        assertTrue(refused.getMessage().contains("apiModule(") && refused.getMessage().contains("apiPath("),
                refused.getMessage());
    }

    @Test
    void anUnnamedModuleCannotBeTheApi() {
        Module unnamed = ClassLoader.getSystemClassLoader().getUnnamedModule();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PluginHost.builder().apiModule(unnamed));
        assertTrue(refused.getMessage().contains("apiPath"), refused.getMessage());
    }

    @Test
    void servicesOfATypeThatIsNotTheApiLayersClassAreAnErrorNamingBothLoaders() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        // The API from a path: the API layer defines its own copy of DataSource, which is not this test's.
        try (PluginHost host = PluginHost.builder().pluginRoot(root).apiPath(apiJar()).build()) {
            assertEquals(List.of(), host.load().diagnostics());

            IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                    () -> host.services(DataSource.class));
            String message = wrongType.getMessage();
            assertTrue(message.contains("dev.layerhost.api.DataSource") && message.contains("apiModule(DataSource.class.getModule())"),
                    message);
            ClassLoader apiLoader = host.apiLayer().findLoader("layerhost.api");
            assertTrue(message.contains(String.valueOf(DataSource.class.getClassLoader()))
                    && message.contains(String.valueOf(apiLoader)), message);

            Class<?> apiType = apiLoader.loadClass("dev.layerhost.api.DataSource");
            assertEquals(List.of("p.alpha"), host.services(apiType).stream().map(PluginService::plugin).toList(),
                    "the API layer's own class finds the plugin");
        }
    }

    @Test
    void anApiPathThatHidesTheNamedApiModuleIsNamedAsTheCause() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        try (PluginHost host = PluginHost.builder().pluginRoot(root).apiModule(DataSource.class.getModule())
                .apiPath(apiJar()).build()) {
            host.load();
            IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                    () -> host.services(DataSource.class));
            assertTrue(hidden.getMessage().contains("remove it from the API paths"), hidden.getMessage());
        }
    }

    @Test
    void pluginsOfAnotherApiThanTheNamedOneAreToldWhichTypeNoApiModuleExports() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        // The host names the wrong module (here: java.base) as its API.
        try (PluginHost host = PluginHost.builder().pluginRoot(root)
                .apiModule(Object.class.getModule()).build()) {
            Diagnostic noProvider = host.scan().diagnostics().get(0);
            assertEquals(DiagnosticCode.NO_PROVIDER, noProvider.code());
            assertEquals(List.of("dev.layerhost.api.DataSource"), noProvider.details().get("services"));
            assertEquals(List.of("dev.layerhost.api"), noProvider.details().get("packages"));
            assertEquals("p.alpha provides dev.layerhost.api.DataSource, but package dev.layerhost.api is exported by"
                    + " no API module (API modules: java.base)", noProvider.message());
        }
    }

    @Test
    void servicesOfATypeOutsideTheApiAreFilteredNotRefused() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        try (PluginHost host = PluginHost.builder().pluginRoot(root).apiModule(DataSource.class.getModule()).build()) {
            host.load();
            assertEquals(1, host.services(Object.class).size());
            assertEquals(List.of(), host.services(Runnable.class));
        }
    }

    /**
     * A modular host application of its own, as a user writes one: its own API module ({@code
     * com.example.api}), a plugin built against it, and a host module that requires {@code layerhost.core}
     * and names its API module. Run as a separate JVM on the module path.
     */
    @Test
    void aHostApplicationWithItsOwnApiModuleGetsEveryServiceByItsOwnType() throws Exception {
        Path api = PluginJar.builder("com.example.api")
                .version("1.0")
                .exports("com.example.api")
                .source("com.example.api.Greeter", """
                        package com.example.api;
                        public interface Greeter { String greet(String name); }
                        """)
                .build(workspace.resolve("lib/com.example.api.jar"));
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        for (String name : List.of("hello", "howdy")) {
            PluginJar.builder("com.example." + name)
                    .version("2.1")
                    .requires("com.example.api")
                    .provides("com.example.api.Greeter", "com.example." + name + ".Impl")
                    .source("com.example." + name + ".Impl", """
                            package com.example.%1$s;
                            public class Impl implements com.example.api.Greeter {
                                public String greet(String name) { return "%1$s, " + name; }
                            }
                            """.formatted(name))
                    .modulePath(api)
                    .build(root.resolve(name + ".jar"));
        }
        // what layerhost.core needs at run time: SLF4J, and Jackson's streaming core for the audit log
        List<Path> modulePath = List.of(locationOf(PluginHost.class), locationOf(org.slf4j.Logger.class),
                locationOf(com.fasterxml.jackson.core.JsonFactory.class), api);
        Path host = PluginJar.builder("com.example.host")
                .requires("layerhost.core")
                .requires("com.example.api")
                .source("com.example.host.Main", """
                        package com.example.host;

                        import com.example.api.Greeter;
                        import dev.layerhost.core.PluginHost;
                        import dev.layerhost.core.PluginService;
                        import java.nio.file.Path;

                        public class Main {
                            public static void main(String[] args) {
                                try (PluginHost host = PluginHost.builder()
                                        .pluginRoot(Path.of(args[0]))
                                        .apiModule(Greeter.class.getModule())
                                        .auditLog(Path.of(args[1]))
                                        .build()) {
                                    System.out.println("errors: " + host.load().hasErrors());
                                    for (PluginService<Greeter> greeter : host.services(Greeter.class)) {
                                        System.out.println(greeter.plugin() + " " + greeter.version().orElse("-")
                                                + ": " + greeter.service().greet("world"));
                                    }
                                }
                            }
                        }
                        """)
                .modulePath(modulePath)
                .build(workspace.resolve("lib/com.example.host.jar"));

        Path auditLog = workspace.resolve("audit.jsonl");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(java.io.File.pathSeparator,
                        modulePath.stream().map(Path::toString).toList()) + java.io.File.pathSeparator + host,
                "--module", "com.example.host/com.example.host.Main", root.toString(), auditLog.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the host application did not end");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> out + err);
        assertEquals(List.of("errors: false", "com.example.hello 2.1: hello, world", "com.example.howdy 2.1: howdy, world"),
                out.lines().toList(), () -> out + err);
        ObjectMapper json = new ObjectMapper();
        List<String> audited = new ArrayList<>();
        for (String line : Files.readAllLines(auditLog, StandardCharsets.UTF_8)) {
            JsonNode record = json.readTree(line);
            audited.add(record.get("event").asText() + " " + record.get("plugin").asText() + " "
                    + record.get("jars").get(0).get("file").asText());
        }
        assertEquals(List.of("DISCOVERED com.example.hello hello.jar", "DISCOVERED com.example.howdy howdy.jar",
                "LOADED com.example.hello hello.jar", "LOADED com.example.howdy howdy.jar"), audited);
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException, IOException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.exists(location), location::toString);
        return location;
    }
}

package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.PluginJar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --api PATH}: modules of an API jar built at test time join the API layer. */
class ApiOptionTest {

    private static final String GREETER = "acme.api.Greeter";

    @TempDir
    Path temp;

    private Path root;
    private Path acmeApi;

    @BeforeEach
    void greeterApiAndPlugin() throws Exception {
        acmeApi = PluginJar.builder("acme.api")
                .version("1.0.0")
                .exports("acme.api")
                .source(GREETER, "package acme.api; public interface Greeter { String greet(String name); }")
                .build(temp.resolve("api/acme-api.jar"));
        root = Files.createDirectories(temp.resolve("plugins"));
        PluginJar.builder("p.hello")
                .version("1.0.0")
                .requires("acme.api")
                .provides(GREETER, "p.hello.Hello")
                .source("p.hello.Hello", """
                        package p.hello;
                        public class Hello implements acme.api.Greeter {
                            public String greet(String name) { return "hello " + name; }
                        }
                        """)
                .modulePath(acmeApi)
                .build(root.resolve("hello.jar"));
    }

    @Test
    void pluginOfAnApiJarIsOkWithApi() {
        CliRun run = CliRun.of("list", "--plugins", root, "--api", acmeApi, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode hello = Json.find(Json.object(run).get("plugins"), "id", "p.hello");
        assertEquals("OK", hello.get("status").asText());
        assertEquals(List.of(GREETER), Json.texts(hello.get("services")));
    }

    @Test
    void apiFolderOfJarsWorksLikeTheJar() {
        CliRun run = CliRun.of("load", "--plugins", root, "--api", acmeApi.getParent(), "--json");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("LOADED", Json.find(Json.object(run).get("plugins"), "id", "p.hello").get("status").asText());
    }

    @Test
    void pluginOfAnApiJarHasNoProviderWithoutApi() {
        CliRun run = CliRun.of("list", "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals("REJECTED", json.get("plugins").get(0).get("status").asText(), run::toString);
        JsonNode noProvider = Json.find(json.get("diagnostics"), "code", "NO_PROVIDER");
        assertEquals("hello.jar", noProvider.get("source").asText(), run::toString);
        assertTrue(Json.texts(noProvider.get("details").get("modules")).contains("p.hello"), run::toString);
        // The --api forgotten: the package is named, and the option that adds it.
        assertEquals(List.of("acme.api"), Json.texts(noProvider.get("details").get("packages")), run::toString);
        assertTrue(noProvider.get("message").asText().contains("package acme.api is exported by no API module"),
                run::toString);
        assertTrue(noProvider.get("hint").asText().contains("--api PATH"), run::toString);
    }

    @Test
    void apiModulesAppearInTheGraph() {
        CliRun run = CliRun.of("graph", "--plugins", root, "--api", acmeApi, "--format", "json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        JsonNode hello = Json.find(json.get("layers"), "plugin", "p.hello");
        assertEquals(List.of("api"), Json.texts(hello.get("parents")));
        assertTrue(json.toString().contains("acme.api"), run::toString);
    }
}

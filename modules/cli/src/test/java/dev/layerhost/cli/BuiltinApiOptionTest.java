package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.PluginJar;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in {@code layerhost.api} and the user's API: a {@code layerhost.api} given by {@code --api}
 * replaces it, and {@code --no-builtin-api} leaves it out.
 */
class BuiltinApiOptionTest {

    private static final String NINE = "dev.layerhost.api.Nine";

    @TempDir
    Path temp;

    private Path root;
    private Path apiNine;

    /** A layerhost.api 9.0.0 whose service type Nine the built-in API does not have, and a plugin of it. */
    @BeforeEach
    void apiNineAndItsPlugin() throws Exception {
        apiNine = PluginJar.builder("layerhost.api")
                .version("9.0.0")
                .exports("dev.layerhost.api")
                .source(NINE, "package dev.layerhost.api; public interface Nine { int nine(); }")
                .build(temp.resolve("api/layerhost-api-9.0.0.jar"));
        root = Files.createDirectories(temp.resolve("plugins"));
        PluginJar.builder("p.nine")
                .version("1.0.0")
                .requires("layerhost.api")
                .provides(NINE, "p.nine.Impl")
                .source("p.nine.Impl", "package p.nine; public class Impl implements dev.layerhost.api.Nine {"
                        + " public int nine() { return 9; } }")
                .modulePath(apiNine)
                .build(root.resolve("nine.jar"));
    }

    @Test
    void anApiModuleNamedLikeTheBuiltInOneReplacesIt() {
        CliRun graph = CliRun.of("graph", "--plugins", root, "--api", apiNine, "--json");

        assertEquals(0, graph.exitCode(), graph::toString);
        assertEquals(List.of("layerhost.api"), Json.texts(Json.object(graph).get("api").get("modules"), "name"),
                graph::toString);
        assertEquals("9.0.0", Json.object(graph).get("api").get("modules").get(0).get("version").asText(),
                graph::toString);
        CliRun doctor = CliRun.of("doctor", "--plugins", root, "--api", apiNine.getParent(), "--json");
        assertEquals(0, doctor.exitCode(), doctor::toString);
        assertEquals("OK", Json.find(Json.object(doctor).get("plugins"), "id", "p.nine").get("status").asText(),
                doctor::toString);
    }

    /**
     * On the class path (how the Maven plugin runs the command) the built-in API is a jar like the user's,
     * and the JDK's finder keeps the first module of a name: the user's must still win.
     */
    @Test
    void onTheClassPathTooTheApiGivenReplacesTheBuiltInOne() throws Exception {
        String classPath = String.join(File.pathSeparator, System.getProperty("jdk.module.path", ""),
                System.getProperty("java.class.path", ""));
        Path out = temp.resolve("graph.json");
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", classPath, Main.class.getName(), "graph", "--plugins", root.toString(),
                "--api", apiNine.toString(), "--json")
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not end in a minute");
        String json = Files.readString(out);
        assertEquals(0, process.exitValue(), json);
        JsonNode modules = Json.object(new CliRun(0, json, "")).get("api").get("modules");
        assertEquals(List.of("layerhost.api"), Json.texts(modules, "name"), json);
        assertEquals("9.0.0", modules.get(0).get("version").asText(), json);
    }

    @Test
    void noBuiltinApiLeavesOnlyTheApiModules() throws Exception {
        Path acmeApi = PluginJar.builder("acme.api")
                .version("1.0.0")
                .exports("acme.api")
                .source("acme.api.Greeter", "package acme.api; public interface Greeter { String greet(); }")
                .build(temp.resolve("acme/acme-api.jar"));

        CliRun with = CliRun.of("graph", "--plugins", root, "--api", acmeApi, "--json");
        CliRun without = CliRun.of("graph", "--plugins", root, "--api", acmeApi, "--no-builtin-api", "--json");

        assertTrue(Json.texts(Json.object(with).get("api").get("modules"), "name").contains("layerhost.api"),
                with::toString);
        assertEquals(List.of("acme.api"), Json.texts(Json.object(without).get("api").get("modules"), "name"),
                without::toString);
    }

    @Test
    void noBuiltinApiWithoutApiIsAUsageErrorOfOneLine() {
        CliRun run = CliRun.of("doctor", "--plugins", root, "--no-builtin-api");

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
        assertTrue(run.err().contains("--no-builtin-api needs at least one --api"), run::toString);
        assertEquals("", run.out(), run::toString);
    }
}

package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.DataSourcePlugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON shape of {@code list}, {@code doctor} and {@code load} with {@code --json}, by value. */
class JsonOutputTest {

    @TempDir
    Path root;

    @BeforeEach
    void soundAndBrokenPlugin() throws Exception {
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Plugins.missingDependency(root.resolve("beta.jar"), "p.beta", "0.9.1", "lib.absent");
        Files.writeString(root.resolve("notes.txt"), "ignored");
        Files.createDirectories(root.resolve("empty-folder"));
        Files.createDirectories(root.resolve(".hidden"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "load"})
    void stdoutIsOneObjectWithPluginsAndDiagnostics(String verb) {
        CliRun run = CliRun.of(verb, "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        JsonNode json = Json.object(run);
        assertTrue(json.path("plugins").isArray(), run::toString);
        assertTrue(json.path("diagnostics").isArray(), run::toString);
        assertEquals(List.of("alpha.jar", "beta.jar"), Json.texts(json.get("plugins"), "source"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor"})
    void soundPluginRowNamesIdVersionSourceServicesAndModules(String verb) {
        CliRun run = CliRun.of(verb, "--plugins", root, "--json");

        JsonNode alpha = Json.find(Json.object(run).get("plugins"), "id", "p.alpha");
        assertEquals("1.2.0", alpha.get("version").asText());
        assertEquals("OK", alpha.get("status").asText());
        assertEquals("alpha.jar", alpha.get("source").asText());
        assertEquals(List.of(DataSourcePlugins.SERVICE), Json.texts(alpha.get("services")));
        assertEquals(1, alpha.get("modules").size(), run::toString);
        assertEquals("p.alpha", alpha.get("modules").get(0).get("name").asText());
        assertEquals("1.2.0", alpha.get("modules").get(0).get("version").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "load"})
    void missingDependencyIsRejectedAndNamesModulePluginAndSource(String verb) {
        CliRun run = CliRun.of(verb, "--plugins", root, "--json");

        JsonNode json = Json.object(run);
        JsonNode beta = Json.find(json.get("plugins"), "id", "p.beta");
        assertEquals("0.9.1", beta.get("version").asText());
        assertEquals("REJECTED", beta.get("status").asText());
        assertEquals("beta.jar", beta.get("source").asText());

        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(List.of("MISSING_DEPENDENCY"), Json.texts(diagnostics, "code"), run::toString);
        JsonNode missing = diagnostics.get(0);
        assertEquals("ERROR", missing.get("severity").asText());
        assertEquals("p.beta", missing.get("plugin").asText());
        assertEquals("beta.jar", missing.get("source").asText());
        assertEquals("lib.absent", missing.get("details").get("module").asText());
        assertEquals("p.beta", missing.get("details").get("requiredBy").asText());
        assertTrue(missing.get("message").asText().contains("lib.absent"), run::toString);
        assertFalse(missing.get("hint").asText().isBlank(), run::toString);
    }

    @Test
    void everyDiagnosticHasEveryField() {
        CliRun run = CliRun.of("doctor", "--plugins", root, "--json");

        for (JsonNode diagnostic : Json.object(run).get("diagnostics")) {
            for (String field : List.of("code", "severity", "plugin", "source", "message", "hint", "details")) {
                assertTrue(diagnostic.has(field), () -> field + " missing in " + diagnostic);
            }
            assertTrue(diagnostic.get("details").isObject(), diagnostic::toString);
        }
    }

    @Test
    void loadMarksTheSoundPluginLoadedNextToTheRejectedOne() {
        CliRun run = CliRun.of("load", "--plugins", root, "--json");

        JsonNode plugins = Json.object(run).get("plugins");
        assertEquals("LOADED", Json.find(plugins, "id", "p.alpha").get("status").asText(), run::toString);
        assertEquals("REJECTED", Json.find(plugins, "id", "p.beta").get("status").asText(), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "load"})
    void twoRunsGiveIdenticalStdout(String verb) {
        CliRun first = CliRun.of(verb, "--plugins", root, "--json");
        CliRun second = CliRun.of(verb, "--plugins", root, "--json");

        assertEquals(first.out(), second.out());
    }

    @Test
    void textOutputNamesEveryPluginAndTheProblem() {
        CliRun list = CliRun.of("list", "--plugins", root);
        CliRun doctor = CliRun.of("doctor", "--plugins", root);

        assertTrue(list.out().contains("p.alpha") && list.out().contains("p.beta"), list::toString);
        assertTrue(doctor.out().contains("MISSING_DEPENDENCY") && doctor.out().contains("lib.absent"),
                doctor::toString);
        assertTrue(doctor.out().contains("hint:"), doctor::toString);
    }

    @Test
    void emptyRootGivesEmptyArrays(@TempDir Path empty) {
        CliRun run = CliRun.of("list", "--plugins", empty, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(0, json.get("plugins").size());
        assertEquals(0, json.get("diagnostics").size());
    }
}

package dev.layerhost.cli;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code --deny-module}: a plugin requiring a denied module is rejected with FORBIDDEN_MODULE. */
class PolicyOptionTest {

    @TempDir
    Path root;

    @BeforeEach
    void pluginRequiringJavaSql() {
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Plugins.dataSource("p.sql", "1.0.0", "").requires("java.sql").build(root.resolve("sql.jar"));
    }

    @Test
    void pluginRequiringJavaSqlIsOkWithoutPolicy() {
        CliRun run = CliRun.of("doctor", "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("OK", Json.find(Json.object(run).get("plugins"), "id", "p.sql").get("status").asText());
    }

    @Test
    void deniedModuleRejectsThePluginRequiringIt() {
        CliRun run = CliRun.of("doctor", "--plugins", root, "--deny-module", "java.sql", "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals("REJECTED", Json.find(json.get("plugins"), "id", "p.sql").get("status").asText(), run::toString);
        assertEquals("OK", Json.find(json.get("plugins"), "id", "p.alpha").get("status").asText(), run::toString);
        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(List.of("FORBIDDEN_MODULE"), Json.texts(diagnostics, "code"), run::toString);
        JsonNode forbidden = diagnostics.get(0);
        assertEquals("p.sql", forbidden.get("plugin").asText());
        assertEquals("sql.jar", forbidden.get("source").asText());
        assertEquals("java.sql", forbidden.get("details").get("module").asText());
        assertEquals("p.sql", forbidden.get("details").get("requiredBy").asText());
    }

    @Test
    void deniedModuleIsRepeatableAndKeepsOtherPluginsLoading() {
        CliRun run = CliRun.of("load", "--plugins", root, "--deny-module", "java.xml",
                "--deny-module", "java.sql", "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode plugins = Json.object(run).get("plugins");
        assertEquals("LOADED", Json.find(plugins, "id", "p.alpha").get("status").asText(), run::toString);
        assertEquals("REJECTED", Json.find(plugins, "id", "p.sql").get("status").asText(), run::toString);
    }
}

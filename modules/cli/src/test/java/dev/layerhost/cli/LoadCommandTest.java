package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.DataSourcePlugins;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code load}: LOADED for sound plugins, FAILED with the cause for a provider that throws. */
class LoadCommandTest {

    @TempDir
    Path root;

    @Test
    void soundPluginsAreLoaded() {
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Plugins.sound(root.resolve("gamma.jar"), "p.gamma", "2.0.0");

        CliRun run = CliRun.of("load", "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(List.of("LOADED", "LOADED"), Json.texts(json.get("plugins"), "status"), run::toString);
        assertEquals(0, json.get("diagnostics").size(), run::toString);
    }

    @Test
    void throwingConstructorFailsOnlyItsPluginAndReportsTheCause() {
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Plugins.throwingConstructor(root.resolve("boom.jar"), "p.boom", "no configuration for boom");
        Plugins.sound(root.resolve("gamma.jar"), "p.gamma", "2.0.0");

        CliRun run = CliRun.of("load", "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        JsonNode plugins = json.get("plugins");
        assertEquals("LOADED", Json.find(plugins, "id", "p.alpha").get("status").asText(), run::toString);
        assertEquals("FAILED", Json.find(plugins, "id", "p.boom").get("status").asText(), run::toString);
        assertEquals("LOADED", Json.find(plugins, "id", "p.gamma").get("status").asText(), run::toString);

        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(List.of("PROVIDER_FAILED"), Json.texts(diagnostics, "code"), run::toString);
        JsonNode failed = diagnostics.get(0);
        assertEquals("ERROR", failed.get("severity").asText());
        assertEquals("p.boom", failed.get("plugin").asText());
        assertEquals("boom.jar", failed.get("source").asText());
        assertEquals("p.boom.Source", failed.get("details").get("provider").asText(), run::toString);
        assertEquals(DataSourcePlugins.SERVICE, failed.get("details").get("service").asText(), run::toString);
        assertTrue(failed.get("details").get("cause").asText().contains("no configuration for boom"), run::toString);
        assertTrue(failed.get("message").asText().contains("no configuration for boom"), run::toString);
    }

    @Test
    void failedPluginIsOkForTheChecksThatRunNoCode() {
        Plugins.throwingConstructor(root.resolve("boom.jar"), "p.boom", "no configuration for boom");

        CliRun run = CliRun.of("list", "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("OK", Json.find(Json.object(run).get("plugins"), "id", "p.boom").get("status").asText());
    }

    @Test
    void textReportShowsStatusesAndTheCause() {
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Plugins.throwingConstructor(root.resolve("boom.jar"), "p.boom", "no configuration for boom");

        CliRun run = CliRun.of("load", "--plugins", root);

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("LOADED"), run::toString);
        assertTrue(run.out().contains("FAILED"), run::toString);
        assertTrue(run.out().contains("PROVIDER_FAILED") && run.out().contains("no configuration for boom"),
                run::toString);
    }
}

package dev.layerhost.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's rule that list, doctor and graph never run plugin code: a provider whose static
 * initializer creates a marker file leaves no marker after them, and one after load.
 */
class NoPluginCodeTest {

    @TempDir
    Path temp;

    private Path root;
    private Path marker;

    @BeforeEach
    void markingPlugin() throws Exception {
        root = Files.createDirectories(temp.resolve("plugins"));
        marker = temp.resolve("static-initializer-ran");
        Plugins.markingStaticInitializer(root.resolve("marker.jar"), "p.marker", marker);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "graph"})
    void checkingVerbsNeverRunPluginCode(String verb) {
        CliRun text = CliRun.of(verb, "--plugins", root);
        CliRun json = CliRun.of(verb, "--plugins", root, "--json");

        assertEquals(0, text.exitCode(), text::toString);
        assertEquals(0, json.exitCode(), json::toString);
        assertFalse(Files.exists(marker), () -> verb + " ran the plugin's static initializer");
    }

    @Test
    void graphInDotNeverRunsPluginCode() {
        CliRun run = CliRun.of("graph", "--plugins", root, "--format", "dot");

        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(Files.exists(marker), "graph --format dot ran the plugin's static initializer");
    }

    @Test
    void loadRunsPluginCode() {
        CliRun run = CliRun.of("load", "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("LOADED", Json.find(Json.object(run).get("plugins"), "id", "p.marker").get("status").asText());
        assertTrue(Files.exists(marker), "load did not run the plugin's static initializer");
    }
}

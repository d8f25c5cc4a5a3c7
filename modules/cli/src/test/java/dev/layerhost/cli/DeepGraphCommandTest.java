package dev.layerhost.cli;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleChains;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder entry whose plugin stands on a chain of 4,000 private libraries, each requiring the one
 * before it: every verb that only looks answers with its JSON and exit code 0, not a stack trace.
 */
class DeepGraphCommandTest {

    private static final int LIBRARIES = 4000;

    @TempDir
    static Path workspace;

    /** One root for every test: the verbs only look at it. */
    private static Path root;

    @BeforeAll
    static void deepFolder() {
        root = workspace.resolve("plugins");
        ModuleChains.compile(DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class)), workspace)
                .libraries(LIBRARIES, root.resolve("deep"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor"})
    void listAndDoctorCallTheDeepPluginSound(String verb) {
        CliRun run = CliRun.of(verb, "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(0, json.get("diagnostics").size(), run::toString);
        JsonNode deep = Json.find(json.get("plugins"), "id", ModuleChains.FOLDER_PLUGIN);
        assertEquals("OK", deep.get("status").asText());
        assertEquals(LIBRARIES + 1, deep.get("modules").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--json", "--format=text"})
    void graphShowsTheOneDeepLayer(String format) {
        CliRun run = CliRun.of("graph", "--plugins", root, format);

        assertEquals(0, run.exitCode(), run::toString);
        if (format.equals("--json")) {
            JsonNode layers = Json.object(run).get("layers");
            assertEquals(List.of(ModuleChains.FOLDER_PLUGIN), Json.texts(layers, "plugin"));
            assertEquals(LIBRARIES + 1, layers.get(0).get("modules").size());
        } else {
            assertTrue(run.out().contains("layer " + ModuleChains.FOLDER_PLUGIN + " <- api"), run::toString);
            assertTrue(run.out().contains(ModuleChains.libraryName(LIBRARIES - 1)), run::toString);
        }
    }
}

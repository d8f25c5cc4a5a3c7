package dev.layerhost.cli;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --allow-service TYPE}: a plugin providing a service type outside the list is rejected with
 * FORBIDDEN_SERVICE, the same in every verb; the option is repeatable.
 */
class AllowServiceOptionTest {

    private static final String DATA_SOURCE = "dev.layerhost.api.DataSource";
    private static final String EXPORTER = "dev.layerhost.api.Exporter";

    @TempDir
    Path root;

    /** {@code plain.jar}: a data source; {@code mixed.jar}: a data source that also provides an exporter. */
    @BeforeEach
    void plainAndMixedPlugins() {
        Plugins.sound(root.resolve("plain.jar"), "p.plain", "1.0.0");
        Plugins.dataSource("p.mixed", "1.0.0", "")
                .provides(EXPORTER, "p.mixed.Csv")
                .source("p.mixed.Csv", """
                        package p.mixed;

                        public class Csv implements dev.layerhost.api.Exporter {
                            public String format() { return "csv"; }
                            public String export(java.util.List<java.util.Map<String, Object>> records) { return ""; }
                        }
                        """)
                .build(root.resolve("mixed.jar"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"list", "doctor", "graph", "load"})
    void aServiceOutsideTheListRejectsThePluginInEveryVerb(String verb) {
        CliRun run = CliRun.of(verb, "--plugins", root, "--allow-service", DATA_SOURCE, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(List.of("FORBIDDEN_SERVICE"), Json.texts(diagnostics, "code"), run::toString);
        JsonNode forbidden = diagnostics.get(0);
        assertEquals("ERROR", forbidden.get("severity").asText());
        assertEquals("p.mixed", forbidden.get("plugin").asText());
        assertEquals("mixed.jar", forbidden.get("source").asText());
        assertEquals(List.of(EXPORTER), Json.texts(forbidden.get("details").get("services")));
        assertEquals(List.of(DATA_SOURCE), Json.texts(forbidden.get("details").get("allowed")));
        assertEquals("p.mixed", forbidden.get("details").get("plugin").asText());
        assertTrue(forbidden.get("message").asText().contains(EXPORTER), run::toString);
        assertFalse(forbidden.get("hint").asText().isBlank(), run::toString);
        if (verb.equals("graph")) {
            assertEquals(List.of("p.plain"), Json.texts(json.get("layers"), "plugin"), run::toString);
        } else {
            JsonNode plugins = json.get("plugins");
            assertEquals("REJECTED", Json.find(plugins, "id", "p.mixed").get("status").asText(), run::toString);
            assertEquals(verb.equals("load") ? "LOADED" : "OK",
                    Json.find(plugins, "id", "p.plain").get("status").asText(), run::toString);
        }
    }

    @Test
    void theOptionIsRepeatable() {
        CliRun run = CliRun.of("load", "--plugins", root, "--allow-service", DATA_SOURCE,
                "--allow-service", EXPORTER, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode plugins = Json.object(run).get("plugins");
        assertEquals(List.of("LOADED", "LOADED"), Json.texts(plugins, "status"), run::toString);
    }

    @Test
    void doctorExplainsTheRejectionInText() {
        CliRun run = CliRun.of("doctor", "--plugins", root, "--allow-service", DATA_SOURCE);

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("ERROR FORBIDDEN_SERVICE [p.mixed in mixed.jar]"), run::toString);
        assertTrue(run.out().contains("hint: "), run::toString);
    }
}

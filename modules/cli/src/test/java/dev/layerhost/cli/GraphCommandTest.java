package dev.layerhost.cli;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code graph} in its three formats over a plugin-on-plugin root: p.chi requires p.phi. */
class GraphCommandTest {

    @TempDir
    Path root;

    @BeforeEach
    void pluginOnPlugin() {
        Path phi = Plugins.dataSource("p.phi", "2.0.0", "")
                .exports("p.phi.spi")
                .emptyClass("p.phi.spi.Marker")
                .build(root.resolve("phi.jar"));
        Plugins.dataSource("p.chi", "1.0.0", "")
                .requires("p.phi")
                .modulePath(phi)
                .build(root.resolve("chi.jar"));
        Plugins.sound(root.resolve("solo.jar"), "p.solo", "3.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--format=json", "--json"})
    void jsonListsEachLayerWithModulesAndParents(String jsonOption) {
        CliRun run = CliRun.of("graph", "--plugins", root, jsonOption);

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode layers = Json.object(run).get("layers");
        assertEquals(List.of("p.chi", "p.phi", "p.solo"),
                Json.texts(layers, "plugin").stream().sorted().toList(), run::toString);

        JsonNode chi = Json.find(layers, "plugin", "p.chi");
        assertEquals(List.of("p.phi", "api"), Json.texts(chi.get("parents")));
        assertEquals("p.chi", chi.get("modules").get(0).get("name").asText());
        assertEquals("1.0.0", chi.get("modules").get(0).get("version").asText());

        JsonNode phi = Json.find(layers, "plugin", "p.phi");
        assertEquals(List.of("api"), Json.texts(phi.get("parents")));
        assertEquals("2.0.0", phi.get("modules").get(0).get("version").asText());
    }

    @Test
    void jsonListsParentsBeforeChildren() {
        CliRun run = CliRun.of("graph", "--plugins", root, "--format", "json");

        List<String> order = Json.texts(Json.object(run).get("layers"), "plugin");
        assertTrue(order.indexOf("p.phi") < order.indexOf("p.chi"), run::toString);
    }

    @Test
    void dotIsADigraphWithAnEdgeFromChildToParent() {
        CliRun run = CliRun.of("graph", "--plugins", root, "--format", "dot");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("digraph"), run::toString);
        assertTrue(run.out().contains("\"p.chi\" -> \"p.phi\""), run::toString);
        assertTrue(run.out().contains("\"p.chi\" -> \"api\""), run::toString);
        assertTrue(run.out().contains("\"p.phi\" -> \"api\""), run::toString);
        assertTrue(run.out().stripTrailing().endsWith("}"), run::toString);
    }

    @Test
    void textMentionsEveryLayer() {
        CliRun run = CliRun.of("graph", "--plugins", root, "--format", "text");

        assertEquals(0, run.exitCode(), run::toString);
        for (String layer : List.of("api", "p.phi", "p.chi", "p.solo")) {
            assertTrue(run.out().contains("layer " + layer), () -> layer + " missing: " + run);
        }
        assertTrue(run.out().contains("p.chi@1.0.0"), run::toString);
    }

    @Test
    void rejectedPluginHasNoLayerAndGraphExitsOne() {
        Plugins.missingDependency(root.resolve("beta.jar"), "p.beta", "1.0.0", "lib.absent");

        CliRun run = CliRun.of("graph", "--plugins", root, "--format", "json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertTrue(!Json.texts(json.get("layers"), "plugin").contains("p.beta"), run::toString);
        assertEquals(List.of("MISSING_DEPENDENCY"), Json.texts(json.get("diagnostics"), "code"), run::toString);
    }

    @Test
    void childOfARejectedPluginIsRejectedToo() {
        // Replace p.phi by a copy that needs a module nobody has: p.chi must not get a layer either.
        Plugins.dataSource("p.phi", "2.0.0", "")
                .exports("p.phi.spi")
                .emptyClass("p.phi.spi.Marker")
                .requires("lib.absent")
                .build(root.resolve("phi.jar"));

        CliRun run = CliRun.of("graph", "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(List.of("p.solo"), Json.texts(json.get("layers"), "plugin"), run::toString);
        JsonNode rejected = Json.find(json.get("diagnostics"), "code", "DEPENDENCY_REJECTED");
        assertEquals("p.chi", rejected.get("plugin").asText(), run::toString);
        assertEquals("chi.jar", rejected.get("source").asText(), run::toString);
    }

    @Test
    void aPluginRequiredStaticIsAParentWhenSoundAndLeftOutWhenRejected() {
        Plugins.dataSource("p.psi", "1.0.0", "")
                .requiresStatic("p.phi")
                .build(root.resolve("psi.jar"));

        CliRun run = CliRun.of("graph", "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode layers = Json.object(run).get("layers");
        assertEquals(List.of("p.phi", "api"), Json.texts(Json.find(layers, "plugin", "p.psi").get("parents")),
                run::toString);

        // p.phi rejected: p.psi does without it, and says nothing
        Plugins.missingDependency(root.resolve("phi.jar"), "p.phi", "2.0.0", "lib.absent");
        CliRun without = CliRun.of("graph", "--plugins", root, "--json");

        assertEquals(1, without.exitCode(), without::toString);
        JsonNode json = Json.object(without);
        assertEquals(List.of("api"), Json.texts(Json.find(json.get("layers"), "plugin", "p.psi").get("parents")),
                without::toString);
        assertEquals(List.of("p.chi", "p.phi"), Json.texts(json.get("diagnostics"), "plugin").stream()
                .sorted().toList(), without::toString);
    }
}

package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.ModuleInfoClass;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A folder entry bundling a module named {@code java.base}, which the JDK refuses in any layer but the
 * boot layer: every verb rejects it with the same diagnostic, and the other plugin is unaffected.
 */
class JavaModuleNamesCommandTest {

    @TempDir
    Path root;

    @BeforeEach
    void folderBundlingJavaBase() {
        Plugins.sound(root.resolve("sound.jar"), "p.sound", "1.0.0");
        Plugins.sound(root.resolve("based/p.based.jar"), "p.based", "1.0.0");
        ModuleInfoClass.jar(ModuleDescriptor.newModule("java.base").packages(Set.of("foo")).exports("foo").build(),
                root.resolve("based/java.base.jar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "load"})
    void everyVerbRejectsTheFolderWithTheSameDiagnostic(String verb) {
        CliRun run = CliRun.of(verb, "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals("REJECTED", Json.find(json.get("plugins"), "source", "based").get("status").asText());
        assertEquals(verb.equals("load") ? "LOADED" : "OK",
                Json.find(json.get("plugins"), "source", "sound.jar").get("status").asText(), run::toString);
        JsonNode refusal = onlyDiagnostic(json);
        assertEquals("p.based", refusal.get("plugin").asText());
        assertEquals("java.base", refusal.get("details").get("module").asText());
        assertEquals("based/java.base.jar", refusal.get("details").get("file").asText());
    }

    @Test
    void graphHasNoLayerForTheFolderAndTheSameDiagnostic() {
        CliRun run = CliRun.of("graph", "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(List.of("p.sound"), Json.texts(json.get("layers"), "plugin"), run::toString);
        assertEquals("java.base", onlyDiagnostic(json).get("details").get("module").asText());
    }

    private static JsonNode onlyDiagnostic(JsonNode json) {
        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(List.of("INVALID_ARCHIVE"), Json.texts(diagnostics, "code"), json::toString);
        assertEquals("based", diagnostics.get(0).get("source").asText());
        return diagnostics.get(0);
    }
}

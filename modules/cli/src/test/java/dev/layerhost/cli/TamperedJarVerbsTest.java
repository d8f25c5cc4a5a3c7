package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;
import dev.layerhost.pluginbuilder.ZipTampering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A jar with one corrupt deflated entry gets the same verdict from {@code list}, {@code doctor},
 * {@code graph} and {@code load} under {@code --signatures}: rejected, exit 1, one error naming the jar,
 * and its code never runs (its provider's static initializer would create a marker file).
 */
class TamperedJarVerbsTest {

    @TempDir
    static Path shared;

    @TempDir
    Path root;

    /**
     * {@code trusted.jar} ({@code p.trusted}) signed by the trusted key; {@code corrupt.jar}
     * ({@code p.corrupt}), unsigned, and {@code corruptsigned.jar} ({@code p.corruptsigned}), signed by
     * the trusted key, each with a text resource whose deflated bytes were overwritten afterwards.
     */
    @BeforeAll
    static void buildJars() throws IOException {
        SigningKeys keys = SigningKeys.generate(shared.resolve("keys"), EnumSet.of(SigningKey.ACME));
        Path jars = shared.resolve("jars");
        Files.createDirectories(shared.resolve("markers"));
        keys.sign(marking("p.trusted", jars.resolve("trusted.jar")), SigningKey.ACME);
        marking("p.corrupt", jars.resolve("corrupt.jar"));
        keys.sign(marking("p.corruptsigned", jars.resolve("corruptsigned.jar")), SigningKey.ACME);
        ZipTampering.corruptData(jars.resolve("corrupt.jar"), "p/corrupt/notes.txt");
        ZipTampering.corruptData(jars.resolve("corruptsigned.jar"), "p/corruptsigned/notes.txt");
    }

    private static Path marking(String id, Path jar) {
        String path = marker(id).toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        return Plugins.dataSource(id, "1.0.0", """
                    static {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                """.formatted(path))
                .resource(id.replace('.', '/') + "/notes.txt", "a note\n".repeat(500))
                .build(jar);
    }

    private static Path marker(String id) {
        return shared.resolve("markers").resolve(id);
    }

    @ParameterizedTest(name = "{0} --signatures {1}: {2}.jar is {3}")
    @CsvSource({
            "list,   require, corruptsigned, SIGNATURE_INVALID",
            "doctor, require, corruptsigned, SIGNATURE_INVALID",
            "graph,  require, corruptsigned, SIGNATURE_INVALID",
            "load,   require, corruptsigned, SIGNATURE_INVALID",
            "list,   warn,    corruptsigned, SIGNATURE_INVALID",
            "load,   warn,    corruptsigned, SIGNATURE_INVALID",
            "list,   require, corrupt,       UNSIGNED",
            "doctor, require, corrupt,       UNSIGNED",
            "graph,  require, corrupt,       UNSIGNED",
            "load,   require, corrupt,       UNSIGNED",
            "list,   warn,    corrupt,       INVALID_ARCHIVE",
            "doctor, warn,    corrupt,       INVALID_ARCHIVE",
            "graph,  warn,    corrupt,       INVALID_ARCHIVE",
            "load,   warn,    corrupt,       INVALID_ARCHIVE"})
    void everyVerbRejectsAJarWithACorruptEntry(String verb, String mode, String name, String code) throws IOException {
        for (String jar : List.of("trusted", name)) {
            Files.copy(shared.resolve("jars").resolve(jar + ".jar"), root.resolve(jar + ".jar"),
                    StandardCopyOption.REPLACE_EXISTING);
        }

        CliRun run = CliRun.of(verb, "--plugins", root, "--signatures", mode,
                "--trust-store", SigningKeys.in(shared.resolve("keys")).trustStore(),
                "--trust-store-password", SigningKeys.PASSWORD, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(List.of(code), Json.texts(diagnostics, "code"), run::toString);
        JsonNode rejection = diagnostics.get(0);
        assertEquals("ERROR", rejection.get("severity").asText(), run::toString);
        assertEquals("p." + name, rejection.get("plugin").asText(), run::toString);
        assertEquals(name + ".jar", rejection.get("details").get("file").asText(), run::toString);
        if (!code.equals("UNSIGNED")) {
            assertTrue(rejection.get("details").get("reason").asText().contains("p/" + name + "/notes.txt"),
                    run::toString);
        }
        if (verb.equals("graph")) {
            assertEquals(List.of("p.trusted"), Json.texts(json.get("layers"), "plugin"), run::toString);
        } else {
            List<String> rows = new ArrayList<>();
            json.get("plugins").forEach(row -> rows.add(row.get("id").asText() + " " + row.get("status").asText()));
            String trusted = verb.equals("load") ? "LOADED" : "OK";
            assertEquals(List.of("p." + name + " REJECTED", "p.trusted " + trusted), rows, run::toString);
        }
        assertFalse(Files.exists(marker("p." + name)), "the rejected plugin's code ran");
    }
}

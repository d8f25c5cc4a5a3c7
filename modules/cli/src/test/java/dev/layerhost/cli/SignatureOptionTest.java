package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --signatures off|warn|require}, {@code --trust-store}, {@code --trust-store-password}: exit
 * codes, the JSON of the signature diagnostics, and one stderr line for a trust store that cannot be used.
 */
class SignatureOptionTest {

    /** Keys (below {@code keys}) and the jars every test copies into its root (below {@code jars}). */
    @TempDir
    static Path shared;

    @TempDir
    Path root;

    /**
     * Plugins {@code p.<name>} in {@code jars/<name>.jar}: {@code trusted} signed by the trusted key,
     * {@code unsigned}, {@code rogue} signed by an untrusted key, {@code added} signed by the trusted
     * key and then given one more entry.
     */
    @BeforeAll
    static void generateKeysAndSignedJars() {
        SigningKeys keys = SigningKeys.generate(shared.resolve("keys"), EnumSet.of(SigningKey.ACME, SigningKey.ROGUE));
        Path jars = shared.resolve("jars");
        keys.sign(Plugins.sound(jars.resolve("trusted.jar"), "p.trusted", "1.0.0"), SigningKey.ACME);
        Plugins.sound(jars.resolve("unsigned.jar"), "p.unsigned", "1.0.0");
        keys.sign(Plugins.sound(jars.resolve("rogue.jar"), "p.rogue", "1.0.0"), SigningKey.ROGUE);
        keys.sign(Plugins.sound(jars.resolve("added.jar"), "p.added", "1.0.0"), SigningKey.ACME);
        Corruption.addEntry(jars.resolve("added.jar"), "p/added/Extra.txt", "added after signing\n");
    }

    private static Path trustStore() {
        return SigningKeys.in(shared.resolve("keys")).trustStore();
    }

    /** Copies {@code jars/<name>.jar} to {@code root/<name>.jar} for each of {@code names}. */
    private void place(String... names) throws IOException {
        for (String name : names) {
            Files.copy(shared.resolve("jars").resolve(name + ".jar"), root.resolve(name + ".jar"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code layerhost verb --plugins root --signatures mode}, the trust store and its password, then {@code more}. */
    private CliRun run(String verb, String mode, String... more) {
        List<Object> arguments = new ArrayList<>(List.of(verb, "--plugins", root, "--signatures", mode,
                "--trust-store", trustStore(), "--trust-store-password", SigningKeys.PASSWORD));
        arguments.addAll(List.of(more));
        return CliRun.of(arguments.toArray());
    }

    private static Map<String, String> statuses(JsonNode json) {
        Map<String, String> statuses = new TreeMap<>();
        json.get("plugins").forEach(plugin -> statuses.put(plugin.get("id").asText(), plugin.get("status").asText()));
        return statuses;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "graph", "load"})
    void requireWithAnUnsignedPluginExitsOne(String verb) throws IOException {
        place("trusted", "unsigned");

        CliRun run = run(verb, "require", "--json");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        assertEquals(List.of("UNSIGNED"), Json.texts(Json.object(run).get("diagnostics"), "code"), run::toString);
    }

    @Test
    void requireRejectsTheUnsignedPluginWithADiagnosticThatNamesTheFile() throws IOException {
        place("trusted", "unsigned");

        CliRun run = run("doctor", "require", "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(Map.of("p.trusted", "OK", "p.unsigned", "REJECTED"), statuses(json), run::toString);
        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(1, diagnostics.size(), run::toString);
        JsonNode unsigned = diagnostics.get(0);
        assertEquals(Set.of("code", "severity", "plugin", "source", "message", "hint", "details"),
                fieldNames(unsigned));
        assertEquals("UNSIGNED", unsigned.get("code").asText());
        assertEquals("ERROR", unsigned.get("severity").asText());
        assertEquals("p.unsigned", unsigned.get("plugin").asText());
        assertEquals("unsigned.jar", unsigned.get("source").asText());
        assertTrue(unsigned.get("message").asText().contains("unsigned.jar"), unsigned::toString);
        assertFalse(unsigned.get("hint").asText().isBlank(), unsigned::toString);
        JsonNode details = unsigned.get("details");
        assertEquals(Set.of("file", "plugin"), fieldNames(details), unsigned::toString);
        assertEquals("unsigned.jar", details.get("file").asText());
        assertEquals("p.unsigned", details.get("plugin").asText());
    }

    @Test
    void requireLoadsPluginsSignedByTheTrustedKeyAndExitsZero() throws IOException {
        place("trusted");

        CliRun run = run("load", "require", "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(Map.of("p.trusted", "LOADED"), statuses(json), run::toString);
        assertEquals(0, json.get("diagnostics").size(), run::toString);
    }

    @Test
    void warnExitsZeroAndListsTheWarningsInJson() throws IOException {
        place("trusted", "unsigned", "rogue");

        CliRun run = run("load", "warn", "--json");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(Map.of("p.rogue", "LOADED", "p.trusted", "LOADED", "p.unsigned", "LOADED"), statuses(json),
                run::toString);
        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(List.of("UNTRUSTED_SIGNER", "UNSIGNED"), Json.texts(diagnostics, "code"), run::toString);
        assertEquals(List.of("WARNING", "WARNING"), Json.texts(diagnostics, "severity"), run::toString);
        assertEquals(List.of("rogue.jar", "unsigned.jar"), Json.texts(diagnostics, "source"), run::toString);

        JsonNode untrusted = Json.find(diagnostics, "code", "UNTRUSTED_SIGNER");
        assertEquals("p.rogue", untrusted.get("plugin").asText());
        assertEquals("rogue.jar", untrusted.get("details").get("file").asText());
        assertEquals(List.of(SigningKey.ROGUE.subject()), Json.texts(untrusted.get("details").get("signers")),
                untrusted::toString);
        assertTrue(untrusted.get("message").asText().contains(SigningKey.ROGUE.subject()), untrusted::toString);
        JsonNode unsigned = Json.find(diagnostics, "code", "UNSIGNED");
        assertEquals("unsigned.jar", unsigned.get("details").get("file").asText());
    }

    @Test
    void warnStillExitsOneForAJarChangedAfterSigning() throws IOException {
        place("trusted", "added");

        CliRun run = run("doctor", "warn", "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(Map.of("p.added", "REJECTED", "p.trusted", "OK"), statuses(json), run::toString);
        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(List.of("SIGNATURE_INVALID"), Json.texts(diagnostics, "code"), run::toString);
        JsonNode invalid = diagnostics.get(0);
        assertEquals("ERROR", invalid.get("severity").asText());
        assertEquals("p.added", invalid.get("plugin").asText());
        assertEquals("added.jar", invalid.get("source").asText());
        assertEquals("added.jar", invalid.get("details").get("file").asText());
        assertTrue(invalid.get("details").get("reason").asText().contains("p/added/Extra.txt"), invalid::toString);
    }

    @Test
    void signaturesAreOffByDefault() throws IOException {
        place("trusted", "unsigned", "rogue", "added");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = Json.object(run);
        assertEquals(0, json.get("diagnostics").size(), run::toString);
        assertEquals(Map.of("p.added", "OK", "p.rogue", "OK", "p.trusted", "OK", "p.unsigned", "OK"),
                statuses(json), run::toString);
    }

    @Test
    void missingTrustStoreExitsTwoWithOneLineNamingThePath() throws IOException {
        place("trusted");
        Path missing = root.resolveSibling("no-such-store.p12");

        CliRun run = CliRun.of("list", "--plugins", root, "--signatures", "require", "--trust-store", missing,
                "--trust-store-password", SigningKeys.PASSWORD);

        assertUsageErrorNaming(run, missing.toString());
    }

    @Test
    void wrongTrustStorePasswordExitsTwoWithOneLineNamingThePath() throws IOException {
        place("trusted");

        CliRun run = CliRun.of("list", "--plugins", root, "--signatures", "require", "--trust-store", trustStore(),
                "--trust-store-password", "not-the-password");

        assertUsageErrorNaming(run, trustStore().toString());
    }

    @Test
    void trustStoreWithoutItsPasswordExitsTwo() throws IOException {
        place("trusted");

        CliRun run = CliRun.of("list", "--plugins", root, "--signatures", "require", "--trust-store", trustStore());

        assertUsageErrorNaming(run, trustStore().toString());
    }

    @Test
    void trustStoreThatIsNoKeyStoreExitsTwo() throws IOException {
        place("trusted");
        Path text = Files.writeString(root.resolveSibling("text.p12"), "not a key store\n");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--signatures", "warn", "--trust-store", text,
                "--trust-store-password", SigningKeys.PASSWORD, "--json");

        assertUsageErrorNaming(run, text.toString());
    }

    @Test
    void unknownSignatureModeExitsTwo() throws IOException {
        place("trusted");

        CliRun run = CliRun.of("list", "--plugins", root, "--signatures", "bogus");

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
        assertTrue(run.err().contains("--signatures") && run.err().contains("bogus"), run::toString);
    }

    private static void assertUsageErrorNaming(CliRun run, String path) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
        assertTrue(run.err().contains(path), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }
}

package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --audit-log FILE}: {@code list} and {@code load} append one JSON object per line to the file,
 * with every jar's name, size, SHA-256 and signer (a jar signed by jarsigner, one unsigned); stdout stays
 * the command's own report; a file that cannot be opened is a usage error.
 */
class AuditLogOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    @TempDir
    Path root;

    @TempDir
    Path logs;

    @BeforeAll
    static void signedAndUnsignedPlugins() {
        SigningKeys keys = SigningKeys.generate(shared.resolve("keys"), EnumSet.of(SigningKey.ACME));
        keys.sign(Plugins.sound(shared.resolve("signed.jar"), "p.signed", "1.0.0"), SigningKey.ACME);
        Plugins.missingDependency(shared.resolve("broken.jar"), "p.broken", "1.0.0", "missing.module");
    }

    /** signed.jar (p.signed, signed by ACME) and broken.jar (p.broken, unsigned, a missing dependency). */
    private void placeRoot() throws Exception {
        Files.copy(shared.resolve("signed.jar"), root.resolve("signed.jar"));
        Files.copy(shared.resolve("broken.jar"), root.resolve("broken.jar"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The SHA-256 of ACME's certificate, as the trust store holds it. */
    private static String acmeCertificateSha256() throws Exception {
        KeyStore store = KeyStore.getInstance(SigningKeys.in(shared.resolve("keys")).trustStore().toFile(),
                SigningKeys.PASSWORD.toCharArray());
        String alias = store.aliases().nextElement();
        return sha256(store.getCertificate(alias).getEncoded());
    }

    private static List<JsonNode> lines(Path log) throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            assertTrue(node != null && node.isObject(), () -> "not a JSON object: " + line);
            parsed.add(node);
        }
        return parsed;
    }

    private static List<String> events(List<JsonNode> lines) {
        return lines.stream().map(line -> line.get("event").asText() + " " + line.get("source").asText()).toList();
    }

    private static JsonNode find(List<JsonNode> lines, String event, String source) {
        return lines.stream()
                .filter(line -> line.get("event").asText().equals(event) && line.get("source").asText().equals(source))
                .findFirst().orElseThrow(() -> new AssertionError("no " + event + " of " + source + " in " + lines));
    }

    @Test
    void listAppendsADiscoveryPerEntryAndARejectionWithTheJars() throws Exception {
        placeRoot();
        Path log = logs.resolve("audit.jsonl");

        CliRun run = CliRun.of("list", "--plugins", root, "--audit-log", log, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        Json.object(run);
        List<JsonNode> lines = lines(log);
        assertEquals(List.of("DISCOVERED broken.jar", "DISCOVERED signed.jar", "REJECTED broken.jar"), events(lines));
        JsonNode signed = find(lines, "DISCOVERED", "signed.jar");
        Instant.parse(signed.get("at").asText());
        assertEquals("p.signed", signed.get("plugin").asText());
        assertEquals("1.0.0", signed.get("version").asText());
        JsonNode jar = signed.get("jars").get(0);
        byte[] bytes = Files.readAllBytes(root.resolve("signed.jar"));
        assertEquals("signed.jar", jar.get("file").asText());
        assertEquals(bytes.length, jar.get("size").asLong());
        assertEquals(sha256(bytes), jar.get("sha256").asText());
        assertEquals("CN=Acme Plugins", jar.get("signer").get("subject").asText());
        assertEquals(acmeCertificateSha256(), jar.get("signer").get("sha256").asText());
        JsonNode rejected = find(lines, "REJECTED", "broken.jar");
        assertTrue(rejected.get("jars").get(0).get("signer").isNull(), rejected::toString);
        assertEquals("MISSING_DEPENDENCY", rejected.get("diagnostics").get(0).get("code").asText());
        assertEquals("missing.module", rejected.get("diagnostics").get(0).get("details").get("module").asText());
    }

    @Test
    void loadAppendsToWhatListWrote() throws Exception {
        placeRoot();
        Path log = logs.resolve("audit.jsonl");
        CliRun list = CliRun.of("list", "--plugins", root, "--audit-log", log);
        String before = Files.readString(log, StandardCharsets.UTF_8);

        CliRun load = CliRun.of("load", "--plugins", root, "--audit-log", log, "--json");

        assertEquals(1, list.exitCode(), list::toString);
        assertEquals(1, load.exitCode(), load::toString);
        assertEquals("LOADED", Json.find(Json.object(load).get("plugins"), "id", "p.signed").get("status").asText());
        String after = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(after.startsWith(before), "load appends, it does not rewrite");
        List<JsonNode> lines = lines(log);
        assertEquals(List.of("DISCOVERED broken.jar", "DISCOVERED signed.jar", "LOADED signed.jar", "REJECTED broken.jar"),
                events(lines.subList(3, lines.size())).stream().sorted().toList());
        JsonNode loaded = find(lines, "LOADED", "signed.jar");
        assertEquals(sha256(Files.readAllBytes(root.resolve("signed.jar"))),
                loaded.get("jars").get(0).get("sha256").asText());
        assertEquals("CN=Acme Plugins", loaded.get("jars").get(0).get("signer").get("subject").asText());
    }

    @Test
    void anAuditLogInAMissingFolderIsAUsageErrorNamingIt() throws Exception {
        placeRoot();
        Path log = logs.resolve("missing").resolve("audit.jsonl");

        CliRun run = CliRun.of("load", "--plugins", root, "--audit-log", log);

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
        assertTrue(run.err().contains(log.toString()), run::toString);
        assertEquals("", run.out(), run::toString);
    }
}

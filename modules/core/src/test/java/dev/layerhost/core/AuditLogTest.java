package dev.layerhost.core;

import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.library;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The audit trail: {@link PluginHost.Builder#auditSink} gets a record of every discovery, load, reload,
 * unload, rejection and failure, with each jar's name, size, SHA-256 and signer (real jars, signed by
 * jarsigner with keys made by keytool); {@link PluginHost.Builder#auditLog} writes the same records as
 * JSON lines, appended, and a partial last line left by a killed writer never breaks a later run's lines.
 */
class AuditLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What {@code p.boom}'s constructor sets before it throws: whether its code ran yet. */
    private static final String BOOM_RAN = "layerhost.audit-test.boom-ran";

    /** Keys (below {@code keys}) and the jars every test copies into its root (below {@code jars}). */
    @TempDir
    static Path shared;

    @TempDir
    Path root;

    @TempDir
    Path logs;

    /**
     * {@code alpha-1.jar} (p.alpha 1.0.0, signed by {@link SigningKey#ACME}), {@code alpha-2.jar} (2.0.0,
     * signed by {@link SigningKey#ROGUE}), unsigned: {@code p-beta.jar} (requires {@code lib.x}),
     * {@code lib-x.jar}, {@code boom.jar} (its provider's constructor throws) and {@code broken.jar}
     * (requires a module no entry holds).
     */
    @BeforeAll
    static void keysAndJars() {
        SigningKeys keys = SigningKeys.generate(shared.resolve("keys"), EnumSet.of(SigningKey.ACME, SigningKey.ROGUE));
        Path jars = shared.resolve("jars");
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").build(jars.resolve("alpha-1.jar")),
                () -> dataSource("p.alpha", "2.0.0").build(jars.resolve("alpha-2.jar")),
                () -> dataSource("p.beta", "1.0.0").requires("lib.x").build(jars.resolve("p-beta.jar")),
                () -> library("lib.x", "1.0.0", "lib.x").build(jars.resolve("lib-x.jar")),
                () -> PluginRootFixture.dataSource("p.boom", "1.0.0")
                        .source("p.boom.Source", PluginRootFixture.dataSourceClass("p.boom", "\"boom\"",
                                "public Source() { System.setProperty(\"" + BOOM_RAN + "\", \"yes\");"
                                        + " throw new IllegalStateException(\"no config\"); }"))
                        .build(jars.resolve("boom.jar")),
                () -> dataSource("p.broken", "1.0.0").requires("missing.module").build(jars.resolve("broken.jar")));
        buildAll(
                () -> keys.sign(jars.resolve("alpha-1.jar"), SigningKey.ACME),
                () -> keys.sign(jars.resolve("alpha-2.jar"), SigningKey.ROGUE));
    }

    private static Path jar(String name) {
        return shared.resolve("jars").resolve(name);
    }

    private static void place(String jar, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(jar(jar), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** alpha.jar (signed), the folder beta (p-beta.jar, lib-x.jar), boom.jar and broken.jar. */
    private void placeRoot() throws IOException {
        place("alpha-1.jar", root.resolve("alpha.jar"));
        place("p-beta.jar", root.resolve("beta").resolve("p-beta.jar"));
        place("lib-x.jar", root.resolve("beta").resolve("lib-x.jar"));
        place("boom.jar", root.resolve("boom.jar"));
        place("broken.jar", root.resolve("broken.jar"));
    }

    private PluginHost.Builder builder() {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root);
    }

    /** The signer of the jars {@code key} signed: its subject and the SHA-256 of its certificate. */
    private static AuditedJar.Signer signer(SigningKey key) throws Exception {
        Path store = key == SigningKey.ACME ? SigningKeys.in(shared.resolve("keys")).trustStore()
                : shared.resolve("keys").resolve(key.alias() + ".p12");
        Set<Certificate> certificates = TrustStore.load(store, Optional.of(SigningKeys.PASSWORD.toCharArray()));
        assertEquals(1, certificates.size(), certificates::toString);
        byte[] encoded = certificates.iterator().next().getEncoded();
        return new AuditedJar.Signer(key.subject(), sha256(encoded));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The jar as the audit log must describe it, from the file the test placed. */
    private static AuditedJar described(String file, Path jar, Optional<AuditedJar.Signer> signer) throws Exception {
        return new AuditedJar(file, Files.size(jar), sha256(Files.readAllBytes(jar)), signer);
    }

    private static List<String> kinds(List<AuditRecord> records) {
        return records.stream().map(r -> r.event() + " " + r.plugin().orElse(r.source())).toList();
    }

    private static AuditRecord only(List<AuditRecord> records, AuditRecord.Event event, String source) {
        List<AuditRecord> found = records.stream().filter(r -> r.event() == event && r.source().equals(source)).toList();
        assertEquals(1, found.size(), () -> "expected one " + event + " of " + source + " in " + kinds(records));
        return found.get(0);
    }

    private static List<DiagnosticCode> codes(AuditRecord record) {
        return record.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void theSinkGetsEveryDiscoveryLoadReloadUnloadRejectionAndFailureWithTheJars() throws Exception {
        placeRoot();
        System.clearProperty(BOOM_RAN);
        List<AuditRecord> records = new CopyOnWriteArrayList<>();
        // whether p.boom's constructor had run when each record came
        List<String> boomRanAt = new CopyOnWriteArrayList<>();
        AuditedJar alphaOne = described("alpha.jar", jar("alpha-1.jar"), Optional.of(signer(SigningKey.ACME)));
        List<AuditedJar> beta = List.of(described("beta/lib-x.jar", jar("lib-x.jar"), Optional.empty()),
                described("beta/p-beta.jar", jar("p-beta.jar"), Optional.empty()));

        try (PluginHost host = builder().auditSink(record -> {
            records.add(record);
            boomRanAt.add(record.event() + " " + record.source() + " " + System.getProperty(BOOM_RAN, "no"));
        }).build()) {
            host.load();

            // The records of the files come before any plugin code runs, as they happen.
            assertTrue(boomRanAt.contains("DISCOVERED boom.jar no"), boomRanAt::toString);
            assertTrue(boomRanAt.contains("FAILED boom.jar yes"), boomRanAt::toString);

            // Every entry's files first, checked, before any plugin code ran; then what the load did.
            assertEquals(List.of("DISCOVERED p.alpha", "DISCOVERED p.beta", "DISCOVERED p.boom", "DISCOVERED p.broken"),
                    kinds(records.subList(0, 4)));
            assertEquals(Set.of("LOADED p.alpha", "LOADED p.beta", "FAILED p.boom", "REJECTED p.broken"),
                    Set.copyOf(kinds(records.subList(4, records.size()))));
            assertEquals(8, records.size(), () -> kinds(records).toString());

            AuditRecord discovered = only(records, AuditRecord.Event.DISCOVERED, "alpha.jar");
            assertEquals(Optional.of("p.alpha"), discovered.plugin());
            assertEquals(Optional.of("1.0.0"), discovered.version());
            assertEquals(List.of(alphaOne), discovered.jars());
            assertEquals(List.of(), discovered.diagnostics());
            assertEquals(List.of(alphaOne), only(records, AuditRecord.Event.LOADED, "alpha.jar").jars());
            assertEquals(beta, only(records, AuditRecord.Event.DISCOVERED, "beta").jars());
            assertEquals(beta, only(records, AuditRecord.Event.LOADED, "beta").jars());

            AuditRecord failed = only(records, AuditRecord.Event.FAILED, "boom.jar");
            assertEquals(List.of(DiagnosticCode.PROVIDER_FAILED), codes(failed));
            assertTrue(failed.diagnostics().get(0).message().contains("no config"), failed::toString);
            assertEquals(List.of(described("boom.jar", jar("boom.jar"), Optional.empty())), failed.jars());

            assertEquals(List.of(DiagnosticCode.MISSING_DEPENDENCY),
                    codes(only(records, AuditRecord.Event.DISCOVERED, "broken.jar")));
            AuditRecord rejected = only(records, AuditRecord.Event.REJECTED, "broken.jar");
            assertEquals(List.of(DiagnosticCode.MISSING_DEPENDENCY), codes(rejected));
            assertEquals(List.of(described("broken.jar", jar("broken.jar"), Optional.empty())), rejected.jars());

            records.clear();
            place("alpha-2.jar", root.resolve("alpha.jar"));
            host.reload("p.alpha");
            AuditedJar alphaTwo = described("alpha.jar", jar("alpha-2.jar"), Optional.of(signer(SigningKey.ROGUE)));
            assertEquals(List.of("DISCOVERED p.alpha", "RELOADED p.alpha"), kinds(records));
            assertEquals(List.of(alphaTwo), records.get(0).jars());
            assertEquals(List.of(alphaTwo), records.get(1).jars());
            assertEquals(Optional.of("2.0.0"), records.get(1).version());

            records.clear();
            host.unload("p.beta");
            assertEquals(List.of("UNLOADED p.beta"), kinds(records));
            assertEquals(beta, records.get(0).jars());
        }
    }

    @Test
    void theLogFileHasOneJsonObjectPerRecordAndOnlyGrows() throws Exception {
        place("alpha-1.jar", root.resolve("alpha.jar"));
        place("broken.jar", root.resolve("broken.jar"));
        Path log = logs.resolve("audit.jsonl");

        try (PluginHost host = builder().auditLog(log).build()) {
            host.scan();
        }
        byte[] first = Files.readAllBytes(log);
        List<JsonNode> lines = parseLines(log);
        assertEquals(List.of("DISCOVERED alpha.jar", "DISCOVERED broken.jar", "REJECTED broken.jar"), lineKinds(lines));
        JsonNode alpha = lines.get(0);
        Instant.parse(alpha.get("at").asText());
        assertEquals("p.alpha", alpha.get("plugin").asText());
        assertEquals("1.0.0", alpha.get("version").asText());
        JsonNode alphaJar = alpha.get("jars").get(0);
        AuditedJar expected = described("alpha.jar", jar("alpha-1.jar"), Optional.of(signer(SigningKey.ACME)));
        assertEquals(expected.file(), alphaJar.get("file").asText());
        assertEquals(expected.size(), alphaJar.get("size").asLong());
        assertEquals(expected.sha256(), alphaJar.get("sha256").asText());
        assertEquals(expected.signer().orElseThrow().subject(), alphaJar.get("signer").get("subject").asText());
        assertEquals(expected.signer().orElseThrow().sha256(), alphaJar.get("signer").get("sha256").asText());
        assertEquals(0, alpha.get("diagnostics").size());
        JsonNode rejected = lines.get(2);
        assertTrue(rejected.get("jars").get(0).get("signer").isNull(), rejected::toString);
        JsonNode missing = rejected.get("diagnostics").get(0);
        assertEquals("MISSING_DEPENDENCY", missing.get("code").asText());
        assertEquals("ERROR", missing.get("severity").asText());
        assertEquals("p.broken", missing.get("plugin").asText());
        assertEquals("missing.module", missing.get("details").get("module").asText());

        try (PluginHost host = builder().auditLog(log).build()) {
            host.load();
        }
        byte[] both = Files.readAllBytes(log);
        assertEquals(new String(first, StandardCharsets.UTF_8),
                new String(both, 0, first.length, StandardCharsets.UTF_8), "the first run's lines stay as they were");
        List<JsonNode> all = parseLines(log);
        assertEquals(List.of("DISCOVERED alpha.jar", "DISCOVERED broken.jar", "LOADED alpha.jar", "REJECTED broken.jar"),
                lineKinds(all.subList(3, all.size())).stream().sorted().toList());
    }

    @Test
    void aPartialLastLineOfAKilledWriterStaysApartFromTheNextRunsLines() throws Exception {
        place("alpha-1.jar", root.resolve("alpha.jar"));
        Path log = logs.resolve("audit.jsonl");
        try (PluginHost host = builder().auditLog(log).build()) {
            host.scan();
        }
        // What a writer killed in the middle of its write leaves: a line without its end.
        String partial = "{\"at\": \"2026-01-01T00:00:00Z\", \"event\": \"LOA";
        Files.writeString(log, partial, java.nio.file.StandardOpenOption.APPEND);

        try (PluginHost host = builder().auditLog(log).build()) {
            host.scan();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), lines::toString);
        assertEquals(partial, lines.get(1));
        assertEquals("DISCOVERED", JSON.readTree(lines.get(0)).get("event").asText());
        assertEquals("DISCOVERED", JSON.readTree(lines.get(2)).get("event").asText());
        assertTrue(Files.readString(log).endsWith("\n"));
    }

    @Test
    void aFailingSinkStopsNeitherTheHostNorTheOtherSinks() throws Exception {
        place("alpha-1.jar", root.resolve("alpha.jar"));
        List<AuditRecord> records = new ArrayList<>();

        try (PluginHost host = builder().auditSink(record -> {
            throw new IllegalStateException("the audit database is down");
        }).auditSink(records::add).build()) {
            Report report = host.load();

            assertEquals(List.of(PluginStatus.LOADED), report.plugins().stream().map(PluginReport::status).toList());
            assertEquals(List.of("DISCOVERED p.alpha", "LOADED p.alpha"), kinds(records));
        }
    }

    @Test
    void anAuditLogThatCannotBeOpenedIsASetUpErrorNamingIt() {
        Path nowhere = logs.resolve("no-such-folder").resolve("audit.jsonl");

        HostSetupException failure = assertThrows(HostSetupException.class,
                () -> builder().auditLog(nowhere).build());

        assertEquals(nowhere, failure.path());
        assertTrue(failure.getMessage().contains(nowhere.toString()), failure::getMessage);
        assertTrue(Files.notExists(nowhere.getParent()));
    }

    private static List<JsonNode> parseLines(Path log) throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                fail("not a JSON object: " + line);
            }
            parsed.add(node);
        }
        return parsed;
    }

    private static List<String> lineKinds(List<JsonNode> lines) {
        return lines.stream().map(line -> line.get("event").asText() + " " + line.get("source").asText())
                .collect(Collectors.toList());
    }
}

package dev.layerhost.core;

import dev.layerhost.pluginbuilder.PluginJar;
import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;
import dev.layerhost.pluginbuilder.ZipTampering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static dev.layerhost.core.ReportAssertions.assertDiagnostic;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signature checks cannot be bypassed by damaging or rearranging a jar: whatever fails while a jar is
 * verified rejects it, under {@code scan}, {@code graph} and {@code load} alike, and its code never runs.
 * Each plugin's provider writes a marker file in its constructor; a rejected plugin's marker never
 * appears. Jars are built, signed with jarsigner, and then changed on disk byte by byte.
 */
class SignatureTamperingTest {

    /** Keys, markers and the jars every test copies into its root. */
    @TempDir
    static Path shared;

    @TempDir
    Path root;

    /** What the bomb's entry inflates to: enough to notice if it were held in memory or read to the end. */
    private static final long BOMB_BYTES = 512L * 1024 * 1024;

    /**
     * The plugins, {@code p.<name>} in {@code jars/<name>.jar}, each with a text resource
     * {@code p/<name>/notes.txt} (deflated): {@code trusted} signed by the trusted key; {@code corrupt},
     * unsigned, and {@code corruptsigned}, signed, whose notes no longer inflate; {@code crc}, unsigned,
     * whose notes inflate to bytes that do not match the recorded CRC; {@code bomb}, unsigned, with
     * an entry of {@link #BOMB_BYTES} zeros that declares 1000 bytes; {@code slash}, signed, whose
     * provider class was replaced by a "folder" entry {@code p/slash/Source.class/} holding another class
     * (the JDK serves it for {@code p/slash/Source.class}); {@code duplicate}, signed, with a second entry
     * named as its provider class; {@code unmodular}, signed, carrying a {@code META-INF/services} file,
     * whose {@code module-info.class} was removed (it would then load as an automatic module).
     */
    @BeforeAll
    static void buildTamperedJars() throws IOException {
        Path jars = shared.resolve("jars");
        Path plain = shared.resolve("plain");
        Files.createDirectories(shared.resolve("markers"));
        SigningKeys keys = SigningKeys.generate(shared.resolve("keys"), EnumSet.of(SigningKey.ACME));
        buildAll(
                () -> marking("p.trusted").build(plain.resolve("trusted.jar")),
                () -> marking("p.corrupt").build(jars.resolve("corrupt.jar")),
                () -> marking("p.corruptsigned").build(plain.resolve("corruptsigned.jar")),
                () -> marking("p.crc").build(jars.resolve("crc.jar")),
                () -> marking("p.bomb").build(jars.resolve("bomb.jar")),
                () -> dataSource("p.slash", "1.0.0").resource("p/slash/notes.txt", notes())
                        .build(plain.resolve("slash.jar")),
                () -> marking("p.slash").build(plain.resolve("slash-evil.jar")),
                () -> marking("p.duplicate").build(plain.resolve("duplicate.jar")),
                () -> marking("p.unmodular")
                        .resource("META-INF/services/" + PluginRootFixture.DATA_SOURCE, "p.unmodular.Source\n")
                        .build(plain.resolve("unmodular.jar")));
        buildAll(signed(keys, plain, jars, "trusted"), signed(keys, plain, jars, "corruptsigned"),
                signed(keys, plain, jars, "slash"), signed(keys, plain, jars, "duplicate"),
                signed(keys, plain, jars, "unmodular"));

        ZipTampering.corruptData(jars.resolve("corrupt.jar"), "p/corrupt/notes.txt");
        ZipTampering.corruptData(jars.resolve("corruptsigned.jar"), "p/corruptsigned/notes.txt");
        ZipTampering.changeCrc(jars.resolve("crc.jar"), "p/crc/notes.txt");
        ZipTampering.addZeros(jars.resolve("bomb.jar"), "p/bomb/zeros.bin", BOMB_BYTES);
        ZipTampering.declareSize(jars.resolve("bomb.jar"), "p/bomb/zeros.bin", 1000);
        byte[] evil = ZipTampering.entryBytes(plain.resolve("slash-evil.jar"), "p/slash/Source.class");
        ZipTampering.rewrite(jars.resolve("slash.jar"), entries -> {
            entries.remove("p/slash/Source.class");
            entries.put("p/slash/Source.class/", evil);
        });
        // A name of the same length, renamed in place: no zip writer would write two entries of one name.
        ZipTampering.rewrite(jars.resolve("duplicate.jar"), entries -> entries.put("p/duplicate/Source.clasz",
                entries.get("p/duplicate/Source.class")));
        ZipTampering.renameEntry(jars.resolve("duplicate.jar"), "p/duplicate/Source.clasz", "p/duplicate/Source.class");
        ZipTampering.rewrite(jars.resolve("unmodular.jar"), entries -> entries.remove("module-info.class"));
    }

    /** A plugin whose provider's constructor writes {@link #marker}; its notes are several KB of text. */
    private static PluginJar.Builder marking(String module) {
        String members = """
                public Source() {
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                """.formatted(marker(module).toString().replace("\\", "\\\\"));
        return dataSource(module, "1.0.0")
                .source(module + ".Source", dataSourceClass(module, '"' + module + '"', members))
                .resource(module.replace('.', '/') + "/notes.txt", notes());
    }

    private static String notes() {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 400; line++) {
            text.append("note ").append(line).append(": nothing to see here\n");
        }
        return text.toString();
    }

    private static Supplier<Path> signed(SigningKeys keys, Path plain, Path jars, String name) {
        return () -> keys.signedCopy(plain.resolve(name + ".jar"), jars.resolve(name + ".jar"), SigningKey.ACME);
    }

    private static Path marker(String module) {
        return shared.resolve("markers").resolve(module);
    }

    private void placeAll(String... names) {
        for (String name : names) {
            SigningFixture.copy(shared.resolve("jars").resolve(name + ".jar"), root.resolve(name + ".jar"));
        }
    }

    private PluginHost host(SignatureMode mode) {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .policy(Policy.permissive().withSignatures(mode, SigningFixture.in(shared.resolve("keys")).trusted()))
                .build();
    }

    /**
     * Asserts that under {@code mode}, {@code scan()}, {@code graph()} and {@code load()} each reject
     * {@code name}.jar (plugin {@code p.<name>}) with exactly one error, of {@code code}, whose {@code details.reason} (when given) names {@code reasonNames}, that its provider never
     * ran, and that {@code trusted.jar} beside it loads.
     */
    private void assertRejectedEverywhere(SignatureMode mode, String name, DiagnosticCode code, String reasonNames) {
        String source = name + ".jar";
        String module = "p." + name;
        // without its module-info, the jar is an automatic module named after the file
        String plugin = name.equals("unmodular") ? "unmodular" : module;
        try (PluginHost host = host(mode)) {
            Report scan = host.scan();
            Diagnostic found = onlyErrorOf(scan, source);
            assertDiagnostic(found, code, Severity.ERROR, plugin, source, Map.of("file", source));
            assertTrue(found.message().contains(source), found.message());
            if (reasonNames != null) {
                assertTrue(String.valueOf(found.details().get("reason")).contains(reasonNames), found.details()::toString);
            }
            assertEquals(Map.of(source, PluginStatus.REJECTED, "trusted.jar", PluginStatus.OK), statuses(scan));

            LayerGraph graph = host.graph();
            assertEquals(List.of("p.trusted"), graph.layers().stream().map(LayerNode::plugin).toList());
            assertTrue(graph.diagnostics().contains(found), graph.diagnostics()::toString);

            Report load = host.load();
            assertEquals(Map.of(source, PluginStatus.REJECTED, "trusted.jar", PluginStatus.LOADED), statuses(load));
            assertEquals(found, onlyErrorOf(load, source));
            assertAll(() -> assertFalse(Files.exists(marker(module)), module + "'s code ran"),
                    () -> assertTrue(Files.exists(marker("p.trusted")), "the trusted plugin's code did not run"));
        }
    }

    /** The one error of {@code source}; fails, listing them, if it has none or several. */
    private static Diagnostic onlyErrorOf(Report report, String source) {
        List<Diagnostic> errors = diagnosticsOf(report, source).stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> "expected exactly one error for " + source + ", got " + report.diagnostics());
        return errors.get(0);
    }

    @Test
    void requireRejectsAnUnsignedJarWithACorruptEntryAsUnsigned() {
        placeAll("trusted", "corrupt");

        // Plainly unsigned (no signature file at all): rejected from its central directory, no byte read.
        assertRejectedEverywhere(SignatureMode.REQUIRE, "corrupt", DiagnosticCode.UNSIGNED, null);
    }

    @Test
    void requireRejectsASignedJarWithACorruptEntryAsSignatureInvalid() {
        placeAll("trusted", "corruptsigned");

        assertRejectedEverywhere(SignatureMode.REQUIRE, "corruptsigned", DiagnosticCode.SIGNATURE_INVALID,
                "p/corruptsigned/notes.txt");
    }

    @Test
    void warnRejectsAnUnsignedJarWithACorruptEntryAsAnInvalidArchive() {
        placeAll("trusted", "corrupt");

        // Under warn an unsigned jar would load: its bytes are read to the end, and it cannot be.
        assertRejectedEverywhere(SignatureMode.WARN, "corrupt", DiagnosticCode.INVALID_ARCHIVE, "p/corrupt/notes.txt");
    }

    @Test
    void warnRejectsASignedJarWithACorruptEntryAsSignatureInvalid() {
        placeAll("trusted", "corruptsigned");

        assertRejectedEverywhere(SignatureMode.WARN, "corruptsigned", DiagnosticCode.SIGNATURE_INVALID,
                "p/corruptsigned/notes.txt");
    }

    @Test
    void warnRejectsAnUnsignedJarWhoseEntryDoesNotMatchItsCrc() {
        placeAll("trusted", "crc");

        assertRejectedEverywhere(SignatureMode.WARN, "crc", DiagnosticCode.INVALID_ARCHIVE, "p/crc/notes.txt");
    }

    @Test
    void warnRejectsAnUnsignedJarWhoseEntryInflatesBeyondItsDeclaredSize() {
        placeAll("trusted", "bomb");

        long start = System.nanoTime();
        assertRejectedEverywhere(SignatureMode.WARN, "bomb", DiagnosticCode.INVALID_ARCHIVE,
                "entry p/bomb/zeros.bin inflates to more than the 1000 bytes its header declares");
        // three passes, each stopping after the first 64 KB, not after 512 MB
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(20));
    }

    @Test
    void aClassHiddenInAFolderEntryOfASignedJarIsRejected() {
        placeAll("trusted", "slash");

        assertRejectedEverywhere(SignatureMode.REQUIRE, "slash", DiagnosticCode.SIGNATURE_INVALID,
                "p/slash/Source.class/");
    }

    @Test
    void twoEntriesOfOneNameInASignedJarAreRejected() {
        placeAll("trusted", "duplicate");

        assertRejectedEverywhere(SignatureMode.REQUIRE, "duplicate", DiagnosticCode.SIGNATURE_INVALID,
                "p/duplicate/Source.class");
    }

    @Test
    void aSignedJarMissingAnEntryItsSignatureCoversIsRejected() {
        placeAll("trusted", "unmodular");

        assertRejectedEverywhere(SignatureMode.REQUIRE, "unmodular", DiagnosticCode.SIGNATURE_INVALID,
                "module-info.class");
    }

    @Test
    void theTrustedJarItselfLoadsUnderBothModes() {
        placeAll("trusted");

        for (SignatureMode mode : List.of(SignatureMode.WARN, SignatureMode.REQUIRE)) {
            try (PluginHost host = host(mode)) {
                Report load = host.load();
                assertEquals(List.of(), load.diagnostics());
                assertEquals(Map.of("trusted.jar", PluginStatus.LOADED), statuses(load));
            }
        }
        assertTrue(Files.exists(marker("p.trusted")));
        assertEquals("ran", readString(marker("p.trusted")));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

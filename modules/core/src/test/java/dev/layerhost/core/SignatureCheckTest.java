package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.core.SigningFixture.Signer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.library;
import static dev.layerhost.core.ReportAssertions.assertDiagnostic;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jar signatures under each {@link SignatureMode}, end to end: keys and trust stores made by keytool,
 * jars signed by jarsigner, and signed jars changed on disk afterwards.
 */
class SignatureCheckTest {

    /** Keys (below {@code keys}) and the jars every test copies into its root (below {@code jars}). */
    @TempDir
    static Path shared;

    @TempDir
    Path root;

    /**
     * The plugins, each {@code p.<name>} in {@code jars/<name>.jar}: {@code trusted} signed by the
     * trusted key, {@code unsigned}, {@code rogue} signed by an untrusted key, {@code added} and
     * {@code changed} signed by the trusted key and then changed, {@code issued} signed by a key the
     * trusted CA certified, {@code forged} signed with a chain that names the CA falsely; and for
     * folder entries the unsigned {@code folderplugin} and {@code lib} (module {@code lib.util}).
     */
    @BeforeAll
    static void generateKeysAndSignedJars() {
        Path jars = shared.resolve("jars");
        Path unsignedJars = shared.resolve("unsigned");
        SigningFixture keys = SigningFixture.generate(shared.resolve("keys"));
        buildAll(
                () -> dataSource("p.trusted", "1.0.0").build(unsignedJars.resolve("trusted.jar")),
                () -> dataSource("p.unsigned", "1.0.0").build(jars.resolve("unsigned.jar")),
                () -> dataSource("p.rogue", "1.0.0").build(unsignedJars.resolve("rogue.jar")),
                () -> dataSource("p.added", "1.0.0").build(unsignedJars.resolve("added.jar")),
                () -> dataSource("p.changed", "1.0.0").build(unsignedJars.resolve("changed.jar")),
                () -> dataSource("p.issued", "1.0.0").build(unsignedJars.resolve("issued.jar")),
                () -> dataSource("p.forged", "1.0.0").build(unsignedJars.resolve("forged.jar")),
                () -> dataSource("p.folder", "1.0.0").build(jars.resolve("folderplugin.jar")),
                () -> library("lib.util", "1.0.0", "lib.util").build(jars.resolve("lib.jar")));
        buildAll(
                () -> keys.signedCopy(unsignedJars.resolve("trusted.jar"), jars.resolve("trusted.jar"), Signer.ACME),
                () -> keys.signedCopy(unsignedJars.resolve("rogue.jar"), jars.resolve("rogue.jar"), Signer.ROGUE),
                () -> keys.signedCopy(unsignedJars.resolve("added.jar"), jars.resolve("added.jar"), Signer.ACME),
                () -> keys.signedCopy(unsignedJars.resolve("changed.jar"), jars.resolve("changed.jar"),
                        Signer.ACME),
                () -> keys.signedCopy(unsignedJars.resolve("issued.jar"), jars.resolve("issued.jar"),
                        Signer.ISSUED),
                () -> keys.signedCopy(unsignedJars.resolve("forged.jar"), jars.resolve("forged.jar"),
                        Signer.FORGED),
                () -> keys.signedCopy(jars.resolve("folderplugin.jar"), jars.resolve("folderplugin-acme.jar"),
                        Signer.ACME),
                () -> keys.signedCopy(jars.resolve("lib.jar"), jars.resolve("lib-acme.jar"), Signer.ACME),
                () -> keys.signedCopy(jars.resolve("lib.jar"), jars.resolve("lib-rogue.jar"), Signer.ROGUE));
        SigningFixture.addEntry(jars.resolve("added.jar"), "p/added/Extra.txt", "added after signing\n");
        // Same length, so the class file stays valid: only its digest gives it away.
        SigningFixture.replaceInEntry(jars.resolve("changed.jar"), "p/changed/Source.class",
                "p.changed", "p.CHANGED");
    }

    private static SigningFixture keys() {
        return SigningFixture.in(shared.resolve("keys"));
    }

    /** Copies {@code jars/<name>.jar} of {@link #generateKeysAndSignedJars} to {@code target}. */
    private static void place(String name, Path target) {
        SigningFixture.copy(shared.resolve("jars").resolve(name + ".jar"), target);
    }

    /** Copies {@code jars/<name>.jar} to {@code root/<name>.jar} for each of {@code names}. */
    private void placeAll(String... names) {
        for (String name : names) {
            place(name, root.resolve(name + ".jar"));
        }
    }

    private PluginHost host(SignatureMode mode, Set<Certificate> trusted) {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .policy(Policy.permissive().withSignatures(mode, trusted))
                .build();
    }

    private static List<String> loadedServices(PluginHost host) {
        return host.services(DataSource.class).stream().map(PluginService::plugin).sorted().toList();
    }

    @Test
    void requireLoadsAPluginSignedByATrustedKeyNextToRejectedOnes() {
        placeAll("trusted", "unsigned", "rogue");

        try (PluginHost host = host(SignatureMode.REQUIRE, keys().trusted())) {
            Report report = host.scan();

            assertEquals(List.of(), diagnosticsOf(report, "trusted.jar"));
            assertEquals(Map.of("trusted.jar", PluginStatus.OK, "unsigned.jar", PluginStatus.REJECTED,
                    "rogue.jar", PluginStatus.REJECTED), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("trusted.jar", PluginStatus.LOADED, "unsigned.jar", PluginStatus.REJECTED,
                    "rogue.jar", PluginStatus.REJECTED), statuses(loaded));
            assertEquals(List.of("p.trusted"), loadedServices(host));
        }
    }

    @Test
    void requireRejectsAnUnsignedJarWithUnsignedNamingTheFile() {
        placeAll("trusted", "unsigned");

        try (PluginHost host = host(SignatureMode.REQUIRE, keys().trusted())) {
            Report report = host.scan();

            Diagnostic unsigned = onlyDiagnosticOf(report, "unsigned.jar");
            assertError(unsigned, DiagnosticCode.UNSIGNED, "p.unsigned", "unsigned.jar",
                    Map.of("file", "unsigned.jar", "plugin", "p.unsigned"));
            assertTrue(unsigned.message().contains("unsigned.jar"), unsigned.message());
            assertEquals(Map.of("trusted.jar", PluginStatus.OK, "unsigned.jar", PluginStatus.REJECTED),
                    statuses(report));
        }
    }

    @Test
    void requireRejectsAJarSignedByAnUntrustedKeyNamingTheSigner() {
        placeAll("trusted", "rogue");

        try (PluginHost host = host(SignatureMode.REQUIRE, keys().trusted())) {
            Report report = host.scan();

            Diagnostic untrusted = onlyDiagnosticOf(report, "rogue.jar");
            assertError(untrusted, DiagnosticCode.UNTRUSTED_SIGNER, "p.rogue", "rogue.jar",
                    Map.of("file", "rogue.jar", "signers", List.of(Signer.ROGUE.subject)));
            assertTrue(untrusted.message().contains(Signer.ROGUE.subject), untrusted.message());
            assertEquals(Map.of("trusted.jar", PluginStatus.OK, "rogue.jar", PluginStatus.REJECTED),
                    statuses(report));
        }
    }

    @Test
    void requireWithoutTrustedCertificatesTrustsNoSigner() {
        placeAll("trusted");

        try (PluginHost host = host(SignatureMode.REQUIRE, Set.of())) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "trusted.jar"), DiagnosticCode.UNTRUSTED_SIGNER, "p.trusted",
                    "trusted.jar", Map.of("file", "trusted.jar", "signers", List.of(Signer.ACME.subject)));
        }
    }

    @Test
    void anEntryAddedAfterSigningMakesTheSignatureInvalid() {
        placeAll("trusted", "added");

        try (PluginHost host = host(SignatureMode.REQUIRE, keys().trusted())) {
            Report report = host.scan();

            Diagnostic invalid = onlyDiagnosticOf(report, "added.jar");
            assertError(invalid, DiagnosticCode.SIGNATURE_INVALID, "p.added", "added.jar",
                    Map.of("file", "added.jar"));
            assertTrue(((String) invalid.details().get("reason")).contains("p/added/Extra.txt"),
                    invalid.details().toString());
            assertEquals(Map.of("trusted.jar", PluginStatus.OK, "added.jar", PluginStatus.REJECTED),
                    statuses(report));
            assertEquals(Map.of("trusted.jar", PluginStatus.LOADED, "added.jar", PluginStatus.REJECTED),
                    statuses(host.load()));
        }
    }

    @Test
    void aClassChangedAfterSigningMakesTheSignatureInvalid() {
        placeAll("trusted", "changed");

        try (PluginHost host = host(SignatureMode.REQUIRE, keys().trusted())) {
            Report report = host.scan();

            Diagnostic invalid = onlyDiagnosticOf(report, "changed.jar");
            assertError(invalid, DiagnosticCode.SIGNATURE_INVALID, "p.changed", "changed.jar",
                    Map.of("file", "changed.jar"));
            assertTrue(invalid.message().contains("changed.jar"), invalid.message());
            assertTrue(((String) invalid.details().get("reason")).contains("p/changed/Source.class"),
                    invalid.details().toString());
            assertEquals(Map.of("trusted.jar", PluginStatus.LOADED, "changed.jar", PluginStatus.REJECTED),
                    statuses(host.load()));
            assertEquals(List.of("p.trusted"), loadedServices(host));
        }
    }

    @Test
    void warnKeepsUnsignedAndUntrustedPluginsLoadingWithWarnings() {
        placeAll("trusted", "unsigned", "rogue");

        try (PluginHost host = host(SignatureMode.WARN, keys().trusted())) {
            Report report = host.scan();

            assertDiagnostic(onlyDiagnosticOf(report, "unsigned.jar"), DiagnosticCode.UNSIGNED, Severity.WARNING,
                    "p.unsigned", "unsigned.jar", Map.of("file", "unsigned.jar"));
            assertDiagnostic(onlyDiagnosticOf(report, "rogue.jar"), DiagnosticCode.UNTRUSTED_SIGNER,
                    Severity.WARNING, "p.rogue", "rogue.jar",
                    Map.of("file", "rogue.jar", "signers", List.of(Signer.ROGUE.subject)));
            assertEquals(List.of(), diagnosticsOf(report, "trusted.jar"));
            assertEquals(Map.of("trusted.jar", PluginStatus.OK, "unsigned.jar", PluginStatus.OK,
                    "rogue.jar", PluginStatus.OK), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("trusted.jar", PluginStatus.LOADED, "unsigned.jar", PluginStatus.LOADED,
                    "rogue.jar", PluginStatus.LOADED), statuses(loaded));
            assertEquals(List.of("p.rogue", "p.trusted", "p.unsigned"), loadedServices(host));
        }
    }

    @Test
    void warnStillRejectsABrokenSignatureAsAnError() {
        placeAll("trusted", "added", "changed");

        try (PluginHost host = host(SignatureMode.WARN, keys().trusted())) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "added.jar"), DiagnosticCode.SIGNATURE_INVALID, "p.added",
                    "added.jar", Map.of("file", "added.jar"));
            assertError(onlyDiagnosticOf(report, "changed.jar"), DiagnosticCode.SIGNATURE_INVALID, "p.changed",
                    "changed.jar", Map.of("file", "changed.jar"));
            assertEquals(Map.of("trusted.jar", PluginStatus.LOADED, "added.jar", PluginStatus.REJECTED,
                    "changed.jar", PluginStatus.REJECTED), statuses(host.load()));
        }
    }

    @Test
    void offReportsNoSignatureDiagnosticsEvenForChangedJars() {
        placeAll("trusted", "unsigned", "rogue", "added");

        try (PluginHost host = host(SignatureMode.OFF, keys().trusted())) {
            Report report = host.scan();

            assertEquals(List.of(), report.diagnostics());
            Report loaded = host.load();
            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(Map.of("trusted.jar", PluginStatus.LOADED, "unsigned.jar", PluginStatus.LOADED,
                    "rogue.jar", PluginStatus.LOADED, "added.jar", PluginStatus.LOADED), statuses(loaded));
        }
    }

    /**
     * With checks off the scan is silent, but the JDK itself verifies a signed jar's digests as it
     * defines a class: the changed class cannot be loaded, and the plugin fails like any provider
     * that cannot be instantiated, naming its provider and the cause.
     */
    @Test
    void offLoadsNoChangedClassBecauseTheJdkVerifiesItsDigest() {
        placeAll("trusted", "changed");

        try (PluginHost host = host(SignatureMode.OFF, keys().trusted())) {
            assertEquals(List.of(), host.scan().diagnostics());

            Report loaded = host.load();

            Diagnostic failed = onlyDiagnosticOf(loaded, "changed.jar");
            assertError(failed, DiagnosticCode.PROVIDER_FAILED, "p.changed", "changed.jar",
                    Map.of("service", PluginRootFixture.DATA_SOURCE, "provider", "p.changed.Source"));
            assertTrue(((String) failed.details().get("cause")).contains("p/changed/Source.class"),
                    failed.details().toString());
            assertEquals(Map.of("trusted.jar", PluginStatus.LOADED, "changed.jar", PluginStatus.FAILED),
                    statuses(loaded));
            assertEquals(List.of("p.trusted"), loadedServices(host));
        }
    }

    @Test
    void offIsTheDefaultAndLooksAtNoSignature() {
        placeAll("unsigned", "rogue", "added", "changed");
        assertEquals(SignatureMode.OFF, Policy.permissive().signatures());

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            assertEquals(List.of(), report.diagnostics());
            assertEquals(Map.of("unsigned.jar", PluginStatus.OK, "rogue.jar", PluginStatus.OK,
                    "added.jar", PluginStatus.OK, "changed.jar", PluginStatus.OK), statuses(report));
        }
    }

    @Test
    void everyJarOfAFolderIsCheckedAndNamedWithItsFolder() {
        // Every folder holds the same plugin p.folder, so each is checked in a root of its own.
        Map<String, List<String>> folders = Map.of(
                "signed", List.of("folderplugin-acme", "lib-acme"),
                "mixed", List.of("folderplugin-acme", "lib"),
                "roguelib", List.of("folderplugin-acme", "lib-rogue"),
                "unsignedplugin", List.of("folderplugin", "lib-acme"));
        Map<String, Report> reports = new TreeMap<>();
        folders.forEach((folder, jars) -> {
            Path folderRoot = root.resolve(folder + "-root");
            place(jars.get(0), folderRoot.resolve(folder).resolve("plugin.jar"));
            place(jars.get(1), folderRoot.resolve(folder).resolve("lib.jar"));
            try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(folderRoot)
                    .policy(Policy.permissive().withSignatures(SignatureMode.REQUIRE, keys().trusted()))
                    .build()) {
                reports.put(folder, host.scan());
            }
        });

        assertEquals(List.of(), reports.get("signed").diagnostics());
        assertEquals(Map.of("signed", PluginStatus.OK), statuses(reports.get("signed")));
        assertError(onlyDiagnosticOf(reports.get("mixed"), "mixed"), DiagnosticCode.UNSIGNED, "p.folder", "mixed",
                Map.of("file", "mixed/lib.jar"));
        assertError(onlyDiagnosticOf(reports.get("roguelib"), "roguelib"), DiagnosticCode.UNTRUSTED_SIGNER,
                "p.folder", "roguelib",
                Map.of("file", "roguelib/lib.jar", "signers", List.of(Signer.ROGUE.subject)));
        assertError(onlyDiagnosticOf(reports.get("unsignedplugin"), "unsignedplugin"), DiagnosticCode.UNSIGNED,
                "p.folder", "unsignedplugin", Map.of("file", "unsignedplugin/plugin.jar"));
        for (String folder : List.of("mixed", "roguelib", "unsignedplugin")) {
            assertEquals(Map.of(folder, PluginStatus.REJECTED), statuses(reports.get(folder)));
        }
    }

    @Test
    void aFolderWithTwoUnsignedJarsGetsOneDiagnosticPerJar() {
        place("folderplugin", root.resolve("bundle/plugin.jar"));
        place("lib", root.resolve("bundle/lib.jar"));
        placeAll("trusted");

        try (PluginHost host = host(SignatureMode.WARN, keys().trusted())) {
            Report report = host.scan();

            List<Diagnostic> unsigned = diagnosticsOf(report, "bundle", DiagnosticCode.UNSIGNED);
            assertEquals(List.of("bundle/lib.jar", "bundle/plugin.jar"),
                    unsigned.stream().map(d -> (String) d.details().get("file")).sorted().toList());
            unsigned.forEach(d -> assertDiagnostic(d, DiagnosticCode.UNSIGNED, Severity.WARNING, "p.folder",
                    "bundle", Map.of()));
            assertEquals(2, diagnosticsOf(report, "bundle").size(), report.diagnostics()::toString);
            assertEquals(Map.of("bundle", PluginStatus.LOADED, "trusted.jar", PluginStatus.LOADED),
                    statuses(host.load()));
        }
    }

    @Test
    void aSignerCertifiedByATrustedCaIsTrusted() {
        placeAll("issued");

        try (PluginHost host = host(SignatureMode.REQUIRE, keys().caTrusted())) {
            Report report = host.scan();

            assertEquals(List.of(), report.diagnostics());
            assertEquals(Map.of("issued.jar", PluginStatus.LOADED), statuses(host.load()));
        }
        // The same jar against a trust store that holds neither the signer nor its CA.
        try (PluginHost host = host(SignatureMode.REQUIRE, keys().trusted())) {
            assertError(onlyDiagnosticOf(host.scan(), "issued.jar"), DiagnosticCode.UNTRUSTED_SIGNER, "p.issued",
                    "issued.jar", Map.of("file", "issued.jar", "signers", List.of(Signer.ISSUED.subject)));
        }
    }

    /**
     * A signature block carries whatever certificates its signer puts in it: naming the trusted CA's
     * certificate must not make a certificate that CA never issued trusted.
     */
    @Test
    void aChainNamingATrustedCaThatDidNotIssueTheSignerIsUntrusted() {
        placeAll("forged", "issued");

        try (PluginHost host = host(SignatureMode.REQUIRE, keys().caTrusted())) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "forged.jar"), DiagnosticCode.UNTRUSTED_SIGNER, "p.forged",
                    "forged.jar", Map.of("file", "forged.jar", "signers", List.of(Signer.FORGED.subject)));
            assertEquals(Map.of("forged.jar", PluginStatus.REJECTED, "issued.jar", PluginStatus.OK),
                    statuses(report));
        }
    }

    @Test
    void trustStoreThatCannotBeReadNamesItsFile() throws IOException {
        Path missing = root.resolve("missing.p12");
        HostSetupException absent = assertThrows(HostSetupException.class,
                () -> TrustStore.load(missing, Optional.of(SigningFixture.PASSWORD.toCharArray())));
        assertEquals(missing, absent.path());
        assertTrue(absent.getMessage().contains(missing.toString()), absent.getMessage());

        Path store = keys().trustStore();
        HostSetupException wrongPassword = assertThrows(HostSetupException.class,
                () -> TrustStore.load(store, Optional.of("wrong-password".toCharArray())));
        assertEquals(store, wrongPassword.path());
        assertTrue(wrongPassword.getMessage().contains(store.toString()), wrongPassword.getMessage());

        Path text = Files.writeString(root.resolve("text.p12"), "not a key store\n");
        HostSetupException notAStore = assertThrows(HostSetupException.class,
                () -> TrustStore.load(text, Optional.of(SigningFixture.PASSWORD.toCharArray())));
        assertEquals(text, notAStore.path());

        // A PKCS12 store's certificates are encrypted: without the password it would look empty.
        HostSetupException noPassword = assertThrows(HostSetupException.class,
                () -> TrustStore.load(store, Optional.empty()));
        assertEquals(store, noPassword.path());
        assertTrue(noPassword.getMessage().contains(store.toString()), noPassword.getMessage());

        assertEquals(1, keys().trusted().size());
    }
}

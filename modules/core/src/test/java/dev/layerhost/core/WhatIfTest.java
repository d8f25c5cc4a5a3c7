package dev.layerhost.core;

import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.rowOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PluginHost#whatIf}: a candidate checked as if it were dropped into the root, on real jars, with
 * the root left as it was.
 */
class WhatIfTest {

    @TempDir
    Path workspace;

    private Path root() throws IOException {
        return Files.createDirectories(workspace.resolve("plugins"));
    }

    private Path candidates() throws IOException {
        return Files.createDirectories(workspace.resolve("candidates"));
    }

    @Test
    void aNewMajorOfARequiredPluginRejectsItsDependentAndLeavesTheRootAlone() throws Exception {
        Path root = root();
        Path candidate = candidates().resolve("base-2.jar");
        buildAll(
                () -> dataSource("p.base", "1.0.0").build(root.resolve("base.jar")),
                () -> dataSource("p.report", "1.0.0").requires("p.base").compiledAgainst("p.base", "1.0.0")
                        .build(root.resolve("report.jar")),
                () -> dataSource("p.base", "2.0.0").build(candidate));
        List<Map<String, String>> filesBefore = List.of(treeHashes(root), treeHashes(candidates()));

        try (PluginHost host = host(root)) {
            WhatIfReport whatIf = host.whatIf(List.of(candidate));

            assertEquals(Map.of("base.jar", PluginStatus.OK, "report.jar", PluginStatus.OK), statuses(whatIf.root()));
            assertEquals(List.of(), whatIf.root().diagnostics());
            PluginReport row = onlyCandidate(whatIf);
            assertEquals(new Summary(Optional.of("p.base"), Optional.of("2.0.0"), PluginStatus.OK, "base-2.jar"),
                    Summary.of(row));
            assertEquals(List.of("base.jar"), whatIf.replacedBy(row).stream().map(PluginReport::source).toList());
            assertEquals(List.of(), whatIf.candidateDiagnostics());
            PluginChange change = onlyChange(whatIf);
            assertEquals(List.of(Optional.of("p.report"), "report.jar", PluginStatus.OK, PluginStatus.REJECTED),
                    List.of(change.plugin(), change.source(), change.before(), change.after()));
            assertEquals(1, change.diagnostics().size(), change.diagnostics()::toString);
            assertError(change.diagnostics().get(0), DiagnosticCode.VERSION_CONFLICT, "p.report", "report.jar",
                    Map.of("module", "p.base", "requiredBy", "p.report", "versions", List.of("1.0.0", "2.0.0")));
            assertTrue(whatIf.rejects());
            // the root as it is still holds, and loads, the old major
            assertEquals(PluginStatus.LOADED, rowOf(host.load(), "report.jar").status());
        }
        // byte for byte, and no file added or removed: not in the root, not beside the candidate (the
        // host's cache folder is elsewhere)
        assertEquals(filesBefore, List.of(treeHashes(root), treeHashes(candidates())));
    }

    @Test
    void aSoundNewPluginChangesNothing() throws Exception {
        Path root = root();
        Path candidate = candidates().resolve("beta.jar");
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")),
                () -> dataSource("p.beta", "1.0.0").build(candidate));

        try (PluginHost host = host(root)) {
            WhatIfReport whatIf = host.whatIf(List.of(candidate));

            assertEquals(PluginStatus.OK, onlyCandidate(whatIf).status());
            assertEquals(List.of(), whatIf.replacedBy(onlyCandidate(whatIf)));
            assertEquals(List.of(), whatIf.changes());
            assertFalse(whatIf.rejects());
            Report combined = whatIf.combined();
            assertEquals(List.of("alpha.jar", "beta.jar"), combined.plugins().stream().map(PluginReport::source).toList());
            assertEquals(List.of(), combined.diagnostics());
        }
    }

    @Test
    void aCandidateSplittingAnApiPackageIsRejected() throws Exception {
        Path root = root();
        Path candidate = candidates().resolve("sneaky.jar");
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")),
                // javac refuses the package while it reads the real API module: a shaded copy, compiled
                // against the builder's stub of layerhost.api (as PackageAndVersionConflictTest does)
                () -> PluginJar.builder("p.sneaky")
                        .version("1.0.0")
                        .requires("layerhost.api")
                        .provides(PluginRootFixture.DATA_SOURCE, "p.sneaky.Source")
                        .source("dev.layerhost.api.DataSource", """
                                package dev.layerhost.api;
                                public interface DataSource {
                                    String name();
                                    java.util.List<String> schemes();
                                    java.util.List<java.util.Map<String, Object>> read(String location, int limit);
                                }
                                """)
                        .source("p.sneaky.Source", PluginRootFixture.dataSourceClass("p.sneaky", "\"shaded\"", ""))
                        .build(candidate));

        try (PluginHost host = host(root)) {
            WhatIfReport whatIf = host.whatIf(List.of(candidate));

            assertEquals(PluginStatus.REJECTED, onlyCandidate(whatIf).status());
            assertEquals(1, whatIf.candidateDiagnostics().size(), whatIf.candidateDiagnostics()::toString);
            assertError(whatIf.candidateDiagnostics().get(0), DiagnosticCode.SPLIT_PACKAGE, "p.sneaky", "sneaky.jar",
                    Map.of("package", "dev.layerhost.api", "modules", List.of("layerhost.api", "p.sneaky")));
            assertEquals(List.of(), whatIf.changes());
            assertTrue(whatIf.rejects());
            // the candidate's diagnostics join the root's in the combined report
            assertEquals(whatIf.candidateDiagnostics(), whatIf.combined().diagnostics());
        }
    }

    @Test
    void aBrokenJarIsARejectedCandidateNotASetUpProblem() throws Exception {
        Path root = root();
        dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        Path candidate = Files.createFile(candidates().resolve("broken.jar"));
        Corruption.overwriteWithText(candidate, "not a zip\n");

        try (PluginHost host = host(root)) {
            WhatIfReport whatIf = host.whatIf(List.of(candidate));

            PluginReport row = onlyCandidate(whatIf);
            assertEquals(List.of(Optional.empty(), PluginStatus.REJECTED, "broken.jar"),
                    List.of(row.id(), row.status(), row.source()));
            assertEquals(List.of(DiagnosticCode.INVALID_ARCHIVE), codes(whatIf.candidateDiagnostics()));
            // A candidate is read once: the root's "retried on the next scan" would not apply.
            assertEquals("rebuild or re-download the candidate: broken.jar must be a complete jar built by the jar tool",
                    whatIf.candidateDiagnostics().get(0).hint());
            assertEquals(List.of(), whatIf.changes());
            assertTrue(whatIf.rejects());
        }
    }

    @Test
    void aCandidateSupplyingAMissingPluginRepairsItsDependent() throws Exception {
        Path root = root();
        Path candidate = candidates().resolve("base");
        buildAll(
                () -> dataSource("p.report", "1.0.0").requires("p.base").build(root.resolve("report.jar")),
                () -> dataSource("p.base", "1.0.0").build(candidate.resolve("p-base.jar")));

        try (PluginHost host = host(root)) {
            WhatIfReport whatIf = host.whatIf(List.of(candidate));

            assertEquals(PluginStatus.REJECTED, rowOf(whatIf.root(), "report.jar").status());
            assertEquals(PluginStatus.OK, onlyCandidate(whatIf).status());
            assertEquals("base", onlyCandidate(whatIf).source());
            PluginChange change = onlyChange(whatIf);
            assertEquals(List.of("report.jar", PluginStatus.REJECTED, PluginStatus.OK, List.of()),
                    List.of(change.source(), change.before(), change.after(), change.diagnostics()));
            assertFalse(whatIf.rejects());
        }
    }

    @Test
    void theRootsOwnErrorsDoNotRejectASoundCandidate() throws Exception {
        Path root = root();
        Path candidate = candidates().resolve("beta.jar");
        buildAll(
                () -> dataSource("p.needy", "1.0.0").requires("lib.nowhere").build(root.resolve("needy.jar")),
                () -> dataSource("p.beta", "1.0.0").build(candidate));

        try (PluginHost host = host(root)) {
            WhatIfReport whatIf = host.whatIf(List.of(candidate));

            assertTrue(whatIf.root().hasErrors());
            assertEquals(PluginStatus.OK, onlyCandidate(whatIf).status());
            assertEquals(List.of(), whatIf.changes());
            assertFalse(whatIf.rejects());
            assertTrue(whatIf.combined().hasErrors(), "the combined report still shows the root's error");
        }
    }

    @Test
    void aCandidateReplacesTheEntryOfItsPluginIdUnderAnotherName() throws Exception {
        Path root = root();
        Path candidate = candidates().resolve("json-export-2");
        buildAll(
                () -> dataSource("p.json", "1.0.0").build(root.resolve("json-export/p-json.jar")),
                () -> dataSource("p.user", "1.0.0").requires("p.json").compiledAgainst("p.json", "1.0.0")
                        .build(root.resolve("user.jar")),
                () -> dataSource("p.json", "1.1.0").build(candidate.resolve("p-json.jar")));

        try (PluginHost host = host(root)) {
            WhatIfReport whatIf = host.whatIf(List.of(candidate));

            PluginReport row = onlyCandidate(whatIf);
            assertEquals(new Summary(Optional.of("p.json"), Optional.of("1.1.0"), PluginStatus.OK, "json-export-2"),
                    Summary.of(row));
            assertEquals(List.of("json-export"), whatIf.replacedBy(row).stream().map(PluginReport::source).toList());
            // no DUPLICATE_PLUGIN: the old entry is gone in the hypothetical root
            assertEquals(List.of(), whatIf.candidateDiagnostics());
            // a minor step: the dependent stays sound, so it is no change
            assertEquals(List.of(), whatIf.changes());
            assertFalse(whatIf.rejects());
        }
    }

    @Test
    void aCandidateReplacesTheEntryOfItsNameWhateverItHolds() throws Exception {
        Path root = root();
        Path candidate = candidates().resolve("alpha.jar");
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")),
                () -> dataSource("p.user", "1.0.0").requires("p.alpha").build(root.resolve("user.jar")),
                () -> dataSource("p.gamma", "1.0.0").build(candidate));

        try (PluginHost host = host(root)) {
            WhatIfReport whatIf = host.whatIf(List.of(candidate));

            PluginReport row = onlyCandidate(whatIf);
            assertEquals(new Summary(Optional.of("p.gamma"), Optional.of("1.0.0"), PluginStatus.OK, "alpha.jar"),
                    Summary.of(row));
            assertEquals(List.of("alpha.jar"), whatIf.replacedBy(row).stream().map(PluginReport::source).toList());
            // overwriting alpha.jar takes p.alpha away from its dependent
            PluginChange change = onlyChange(whatIf);
            assertEquals(List.of("user.jar", PluginStatus.OK, PluginStatus.REJECTED),
                    List.of(change.source(), change.before(), change.after()));
            assertEquals(List.of(DiagnosticCode.MISSING_DEPENDENCY), codes(change.diagnostics()));
            assertTrue(whatIf.rejects());
            Report combined = whatIf.combined();
            assertEquals(List.of("p.alpha", "p.gamma", "p.user"),
                    combined.plugins().stream().map(p -> p.id().orElseThrow()).toList(),
                    "the root's row before the candidate of the same name");
        }
    }

    @Test
    void aCandidateInsideTheRootReplacesItselfWithNoChange() throws Exception {
        Path root = root();
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha/p-alpha.jar")),
                () -> dataSource("p.user", "1.0.0").requires("p.alpha").build(root.resolve("user.jar")));

        try (PluginHost host = host(root)) {
            WhatIfReport whatIf = host.whatIf(List.of(root.resolve("alpha")));

            assertEquals(Summary.of(rowOf(whatIf.root(), "alpha")), Summary.of(onlyCandidate(whatIf)));
            assertEquals(List.of(), whatIf.changes());
            assertFalse(whatIf.rejects());
        }
    }

    @Test
    void twoCandidatesAreCheckedTogether() throws Exception {
        Path root = root();
        Path base = candidates().resolve("base.jar");
        Path report = candidates().resolve("report.jar");
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")),
                () -> dataSource("p.base", "1.0.0").build(base),
                () -> dataSource("p.report", "1.0.0").requires("p.base").build(report));

        try (PluginHost host = host(root)) {
            // alone, the dependent lacks its parent
            assertTrue(host.whatIf(List.of(report)).rejects());

            WhatIfReport whatIf = host.whatIf(List.of(report, base));

            assertEquals(Map.of("base.jar", PluginStatus.OK, "report.jar", PluginStatus.OK),
                    statuses(new Report(whatIf.candidates(), List.of())));
            assertEquals(List.of("base.jar", "report.jar"),
                    whatIf.candidates().stream().map(PluginReport::source).toList());
            assertFalse(whatIf.rejects());
        }
    }

    @Test
    void theHostsPolicyAndDisabledPluginsApplyToTheCandidates() throws Exception {
        Path root = root();
        Path denied = candidates().resolve("denied.jar");
        Path switchedOff = candidates().resolve("off.jar");
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")),
                () -> dataSource("p.denied", "1.0.0").requires("lib.banned").build(denied),
                () -> dataSource("p.off", "1.0.0").build(switchedOff));
        Files.writeString(root.resolve("disabled.txt"), "p.off\n");

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .cacheDirectory(workspace.resolve("cache")).policy(Policy.denying(Set.of("lib.banned"))).build()) {
            WhatIfReport whatIf = host.whatIf(List.of(denied, switchedOff));

            assertEquals(Map.of("denied.jar", PluginStatus.REJECTED, "off.jar", PluginStatus.DISABLED),
                    statuses(new Report(whatIf.candidates(), List.of())));
            // lib.banned is nowhere either, but the deny-list is what the host's policy adds
            assertTrue(codes(whatIf.candidateDiagnostics()).contains(DiagnosticCode.FORBIDDEN_MODULE),
                    whatIf.candidateDiagnostics()::toString);
            assertTrue(whatIf.rejects());
            assertFalse(host.whatIf(List.of(switchedOff)).rejects(), "a disabled candidate rejects nothing");
        }
    }

    @Test
    void pathsThatCanBeNoEntryAreSetUpProblemsNamingThePath() throws Exception {
        Path root = root();
        dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        Path one = dataSource("p.beta", "1.0.0").build(Files.createDirectories(workspace.resolve("one")).resolve("beta.jar"));
        Path two = dataSource("p.beta", "1.0.0").build(Files.createDirectories(workspace.resolve("two")).resolve("beta.jar"));
        Path text = Files.writeString(workspace.resolve("notes.txt"), "not a plugin");
        Path empty = Files.createDirectories(workspace.resolve("empty"));
        Path missing = workspace.resolve("no-such.jar");

        try (PluginHost host = host(root)) {
            assertSetUpProblem(host, List.of(missing), missing, "does not exist");
            assertSetUpProblem(host, List.of(one, two), two, "two candidates are named beta.jar");
            assertSetUpProblem(host, List.of(text), text, "neither a .jar file nor a folder");
            assertSetUpProblem(host, List.of(empty), empty, "holds no .jar");
            assertSetUpProblem(host, List.of(root), root, "the plugin root itself");
            assertSetUpProblem(host, List.of(root.resolve("..").resolve("plugins")), root.resolve("..").resolve("plugins"),
                    "the plugin root itself");
            Path fileSystemRoot = workspace.getRoot();
            assertSetUpProblem(host, List.of(fileSystemRoot), fileSystemRoot, "has no name");
            Path dotOfRoot = fileSystemRoot.resolve(".");
            assertSetUpProblem(host, List.of(dotOfRoot), dotOfRoot, "has no name");
        }
    }

    @Test
    void aClosedHostRefusesAWhatIf() throws Exception {
        Path root = root();
        PluginHost host = host(root);
        host.close();

        assertThrows(IllegalStateException.class, () -> host.whatIf(List.of(root.resolve("alpha.jar"))));
    }

    /** What identifies a row. */
    private record Summary(Optional<String> id, Optional<String> version, PluginStatus status, String source) {
        static Summary of(PluginReport row) {
            return new Summary(row.id(), row.version(), row.status(), row.source());
        }
    }

    private static void assertSetUpProblem(PluginHost host, List<Path> candidates, Path named, String problem) {
        HostSetupException thrown = assertThrows(HostSetupException.class, () -> host.whatIf(candidates));
        assertTrue(thrown.getMessage().contains(problem), thrown::getMessage);
        assertTrue(thrown.getMessage().contains(named.toString()), thrown::getMessage);
        assertEquals(named, thrown.path());
        assertFalse(thrown.getMessage().contains("\n"), thrown::getMessage);
    }

    private static PluginReport onlyCandidate(WhatIfReport whatIf) {
        assertEquals(1, whatIf.candidates().size(), whatIf.candidates()::toString);
        return whatIf.candidates().get(0);
    }

    private static PluginChange onlyChange(WhatIfReport whatIf) {
        assertEquals(1, whatIf.changes().size(), whatIf.changes()::toString);
        return whatIf.changes().get(0);
    }

    private static List<DiagnosticCode> codes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::code).toList();
    }

    /** Every file below {@code folder} by relative path, with its SHA-256; folders with an empty hash. */
    private static Map<String, String> treeHashes(Path folder) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                hashes.put(folder.relativize(path).toString(), Files.isDirectory(path) ? "" : sha256(path));
            }
        }
        return hashes;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }

    private PluginHost host(Path root) {
        return host(root, workspace.resolve("cache"));
    }

    private static PluginHost host(Path root, Path cache) {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).cacheDirectory(cache).build();
    }
}

package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.Corruption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code layerhost doctor --candidate PATH}: the what-if, its text, its JSON and its exit codes. */
class WhatIfCommandTest {

    @TempDir
    Path temp;

    private Path root() throws IOException {
        return Files.createDirectories(temp.resolve("plugins"));
    }

    private Path candidates() throws IOException {
        return Files.createDirectories(temp.resolve("candidates"));
    }

    /** A candidate the root's disabled.txt switches off is never checked: exit 0, and the line says so. */
    @Test
    void aDisabledCandidateSaysThatNothingWasChecked() throws Exception {
        Path root = root();
        Files.writeString(root.resolve("disabled.txt"), "p.off\n");
        Path candidate = Plugins.missingDependency(candidates().resolve("off.jar"), "p.off", "1.0.0", "lib.absent");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--candidate", candidate);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("What if: +off.jar (p.off 1.0.0, new): DISABLED (switched off by the root's"
                + " disabled.txt or --disable: nothing was checked)\n"), run::toString);
    }

    @Test
    void aNewMajorThatBreaksADependentExitsOneAndLeavesTheRootAlone() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("base.jar"), "p.base", "1.0.0");
        Plugins.dataSource("p.report", "1.0.0", "").requires("p.base").compiledAgainst("p.base", "1.0.0")
                .build(root.resolve("report.jar"));
        Path candidate = Plugins.sound(candidates().resolve("base-2.jar"), "p.base", "2.0.0");
        Map<String, String> rootBefore = treeHashes(root);
        Map<String, String> candidatesBefore = treeHashes(candidates());

        CliRun text = CliRun.of("doctor", "--plugins", root, "--candidate", candidate);
        CliRun json = CliRun.of("doctor", "--plugins", root, "--candidate", candidate, "--json");

        assertEquals(1, text.exitCode(), text::toString);
        assertEquals("", text.err(), text::toString);
        assertTrue(text.out().startsWith("No problems found in 2 plugin(s).\n"), text::toString);
        assertTrue(text.out().contains("What if: +base-2.jar (p.base 2.0.0, replaces base.jar 1.0.0): OK\n"), text::toString);
        assertTrue(text.out().contains("Changes:\n    p.report (report.jar): OK -> REJECTED\n"
                + "        ERROR VERSION_CONFLICT [p.report in report.jar]\n"), text::toString);
        assertTrue(text.out().contains("        hint: "), text::toString);

        assertEquals(1, json.exitCode(), json::toString);
        JsonNode object = Json.object(json);
        assertEquals(List.of("base-2.jar", "base.jar", "report.jar"), Json.texts(object.get("plugins"), "source"));
        JsonNode row = Json.find(object.get("plugins"), "source", "base-2.jar");
        assertEquals(List.of("p.base", "2.0.0", "OK", "true"), List.of(row.get("id").asText(),
                row.get("version").asText(), row.get("status").asText(), row.get("candidate").asText()));
        assertEquals(List.of("base.jar"), Json.texts(row.get("replaces")));
        assertFalse(Json.find(object.get("plugins"), "source", "base.jar").has("candidate"), json::toString);
        JsonNode change = object.get("changes").get(0);
        assertEquals(1, object.get("changes").size(), json::toString);
        assertEquals(List.of("p.report", "report.jar", "OK", "REJECTED"), List.of(change.get("plugin").asText(),
                change.get("source").asText(), change.get("before").asText(), change.get("after").asText()));
        assertEquals(List.of("VERSION_CONFLICT"), Json.texts(change.get("diagnostics"), "code"));
        // the root's own report has no error; the change's diagnostic is in the change, not in the root's list
        assertEquals(List.of(), Json.texts(object.get("diagnostics"), "code"));

        assertEquals(rootBefore, treeHashes(root), "the root is byte-identical, with no file added");
        assertEquals(candidatesBefore, treeHashes(candidates()));
    }

    /** The example of README's "What-if" and docs/cli.md, to the byte. */
    @Test
    void theTextIsTheOneTheReferenceShows() throws Exception {
        Path root = root();
        Plugins.sound(Files.createDirectories(root.resolve("json-export")).resolve("p-json.jar"), "p.json", "1.0.0");
        Plugins.dataSource("p.report", "1.0.0", "").requires("p.json").compiledAgainst("p.json", "1.0.0")
                .build(root.resolve("report.jar"));
        Path candidate = Files.createDirectories(temp.resolve("build/json-export-2"));
        Plugins.sound(candidate.resolve("p-json.jar"), "p.json", "2.0.0");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--candidate", candidate);

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("""
                No problems found in 2 plugin(s).

                What if: +json-export-2 (p.json 2.0.0, replaces json-export 1.0.0): OK
                Changes:
                    p.report (report.jar): OK -> REJECTED
                        ERROR VERSION_CONFLICT [p.report in report.jar]
                            module p.report was compiled against p.json 1.0.0 but resolves p.json 2.0.0 (major versions differ)
                            hint: plugin p.json is now 2.0.0: rebuild p.report against it, or keep p.json at 1.x
                """, run.out());
    }

    @Test
    void aSoundNewPluginExitsZeroWithNoChanges() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");
        Path candidate = Plugins.sound(candidates().resolve("beta.jar"), "p.beta", "1.0.0");

        CliRun json = CliRun.of("doctor", "--plugins", root, "--candidate", candidate, "--json");
        CliRun text = CliRun.of("doctor", "--plugins", root, "--candidate", candidate);

        assertEquals(0, json.exitCode(), json::toString);
        JsonNode object = Json.object(json);
        assertTrue(object.get("changes").isArray() && object.get("changes").isEmpty(), json::toString);
        JsonNode row = Json.find(object.get("plugins"), "source", "beta.jar");
        assertEquals("OK", row.get("status").asText());
        assertTrue(row.get("candidate").asBoolean(), json::toString);
        assertEquals(List.of(), Json.texts(row.get("replaces")));
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().contains("What if: +beta.jar (p.beta 1.0.0, new): OK\nChanges: none\n"), text::toString);
    }

    @Test
    void plainDoctorHasNoChangesField() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");

        CliRun json = CliRun.of("doctor", "--plugins", root, "--json");

        assertEquals(0, json.exitCode(), json::toString);
        assertFalse(Json.object(json).has("changes"), json::toString);
    }

    @Test
    void aBrokenJarCandidateIsRejectedNotAUsageError() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");
        Path candidate = Files.createFile(candidates().resolve("broken.jar"));
        Corruption.overwriteWithText(candidate, "not a zip\n");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--candidate", candidate, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        JsonNode object = Json.object(run);
        assertEquals("REJECTED", Json.find(object.get("plugins"), "source", "broken.jar").get("status").asText());
        JsonNode diagnostic = Json.find(object.get("diagnostics"), "source", "broken.jar");
        assertEquals("INVALID_ARCHIVE", diagnostic.get("code").asText());
    }

    @Test
    void aCandidateSupplyingAMissingPluginIsAChangeForTheBetterAndExitsZero() throws Exception {
        Path root = root();
        Plugins.dataSource("p.report", "1.0.0", "").requires("p.base").build(root.resolve("report.jar"));
        Path candidate = Plugins.sound(candidates().resolve("base.jar"), "p.base", "1.0.0");

        CliRun text = CliRun.of("doctor", "--plugins", root, "--candidate", candidate);
        CliRun json = CliRun.of("doctor", "--plugins", root, "--candidate", candidate, "--json");

        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().contains("MISSING_DEPENDENCY [p.report in report.jar]"), "the root's own error is shown");
        assertTrue(text.out().contains("Changes:\n    p.report (report.jar): REJECTED -> OK\n"), text::toString);
        assertEquals(0, json.exitCode(), json::toString);
        JsonNode change = Json.object(json).get("changes").get(0);
        assertEquals(List.of("REJECTED", "OK"), List.of(change.get("before").asText(), change.get("after").asText()));
        assertTrue(change.get("diagnostics").isEmpty(), json::toString);
    }

    @Test
    void theRootsOwnErrorDoesNotFailASoundCandidate() throws Exception {
        Path root = root();
        Plugins.missingDependency(root.resolve("needy.jar"), "p.needy", "1.0.0", "lib.absent");
        Path candidate = Plugins.sound(candidates().resolve("beta.jar"), "p.beta", "1.0.0");

        assertEquals(1, CliRun.of("doctor", "--plugins", root).exitCode());
        CliRun run = CliRun.of("doctor", "--plugins", root, "--candidate", candidate);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("ERROR MISSING_DEPENDENCY [p.needy in needy.jar]"), run::toString);
    }

    /** The replaced entry leaves the hypothetical root, so no change shows its repair: the What if line does. */
    @Test
    void aCandidateReplacingARejectedEntryShowsThatEntrysStatus() throws Exception {
        Path root = root();
        Plugins.missingDependency(root.resolve("needy.jar"), "p.needy", "1.0.0", "lib.absent");
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");
        Path repaired = Plugins.sound(candidates().resolve("needy-2.jar"), "p.needy", "1.1.0");
        Path same = Plugins.sound(Files.createDirectories(temp.resolve("other")).resolve("alpha.jar"), "p.alpha", "1.0.1");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--candidate", repaired, "--candidate", same);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("What if: +needy-2.jar (p.needy 1.1.0, replaces needy.jar 1.0.0, REJECTED now): OK\n"),
                run::toString);
        assertTrue(run.out().contains("What if: +alpha.jar (p.alpha 1.0.1, replaces alpha.jar 1.0.0): OK\n"),
                run::toString);
    }

    @Test
    void aCandidateReplacesTheEntryOfItsPluginIdUnderAnotherName() throws Exception {
        Path root = root();
        Plugins.sound(Files.createDirectories(root.resolve("json-export")).resolve("p-json.jar"), "p.json", "1.0.0");
        Path candidate = Files.createDirectories(candidates().resolve("json-export-2"));
        Plugins.sound(candidate.resolve("p-json.jar"), "p.json", "1.1.0");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--candidate", candidate, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode object = Json.object(run);
        assertEquals(List.of("json-export", "json-export-2"), Json.texts(object.get("plugins"), "source"));
        assertEquals(List.of("json-export"),
                Json.texts(Json.find(object.get("plugins"), "source", "json-export-2").get("replaces")));
        assertFalse(Json.texts(object.get("diagnostics"), "code").contains("DUPLICATE_PLUGIN"), run::toString);
    }

    @Test
    void twoCandidatesAreCheckedTogether() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");
        Path base = Plugins.sound(candidates().resolve("base.jar"), "p.base", "1.0.0");
        Path report = Plugins.dataSource("p.report", "1.0.0", "").requires("p.base")
                .build(candidates().resolve("report.jar"));

        CliRun alone = CliRun.of("doctor", "--plugins", root, "--candidate", report);
        CliRun together = CliRun.of("doctor", "--plugins", root, "--candidate", report, "--candidate", base);

        assertEquals(1, alone.exitCode(), alone::toString);
        assertEquals(0, together.exitCode(), together::toString);
        assertTrue(together.out().contains("What if: +base.jar (p.base 1.0.0, new): OK\n"), together::toString);
        assertTrue(together.out().contains("What if: +report.jar (p.report 1.0.0, new): OK\n"), together::toString);
    }

    @Test
    void candidatesThatCanBeNoEntryAreUsageErrorsOfOneLine() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");
        Path one = Plugins.sound(Files.createDirectories(temp.resolve("one")).resolve("beta.jar"), "p.beta", "1.0.0");
        Path two = Plugins.sound(Files.createDirectories(temp.resolve("two")).resolve("beta.jar"), "p.beta", "1.0.0");
        Path text = Files.writeString(temp.resolve("notes.txt"), "not a plugin");
        Path missing = temp.resolve("no-such.jar");

        assertUsageError(CliRun.of("doctor", "--plugins", root, "--candidate", missing, "--json"), missing, "does not exist");
        assertUsageError(CliRun.of("doctor", "--plugins", root, "--candidate", one, "--candidate", two), two,
                "two candidates are named beta.jar");
        assertUsageError(CliRun.of("doctor", "--plugins", root, "--candidate", text), text,
                "neither a .jar file nor a folder");
        assertUsageError(CliRun.of("doctor", "--plugins", root, "--candidate", root), root, "the plugin root itself");
        Path fileSystemRoot = temp.getRoot();
        assertUsageError(CliRun.of("doctor", "--plugins", root, "--candidate", fileSystemRoot), fileSystemRoot,
                "has no name");
    }

    @Test
    void aCandidateInsideTheRootReplacesItself() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--candidate", root.resolve("alpha.jar"));

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("What if: +alpha.jar (p.alpha 1.0.0, replaces alpha.jar 1.0.0): OK\n"
                + "Changes: none\n"), run::toString);
    }

    @Test
    void hostileCandidateNamesAreShownEscaped() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");
        Path candidate = candidates().resolve("evil\u001b[2J\nFORGED OK");
        Plugins.missingDependency(candidate.resolve("plugin.jar"), "p.evil", "1.0.0", "lib.absent");
        Path missing = temp.resolve("gone\u001b]0;owned\u0007.jar");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--candidate", candidate);
        CliRun usage = CliRun.of("doctor", "--plugins", root, "--candidate", missing);

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("What if: +evil\\x1b[2J\\nFORGED OK (p.evil 1.0.0, new): REJECTED\n"), run::toString);
        assertTrue(run.out().contains("    ERROR MISSING_DEPENDENCY [p.evil in evil\\x1b[2J\\nFORGED OK]\n"), run::toString);
        assertFalse(run.out().contains("\u001b"), run::toString);
        assertEquals(2, usage.exitCode(), usage::toString);
        assertTrue(usage.err().contains("gone\\x1b]0;owned\\x07.jar"), usage::toString);
        assertFalse(usage.err().contains("\u001b"), usage::toString);
    }

    private static void assertUsageError(CliRun run, Path path, String problem) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
        assertTrue(run.err().contains(path.toString()) && run.err().contains(problem), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }

    /** Every file and folder below {@code folder} by relative path, files with their SHA-256. */
    private static Map<String, String> treeHashes(Path folder) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                hashes.put(folder.relativize(path).toString(), Files.isDirectory(path) ? "/" : sha256(path));
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
}

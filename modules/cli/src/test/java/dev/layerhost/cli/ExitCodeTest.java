package dev.layerhost.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit codes of the contract: 0 no error, 1 an ERROR diagnostic, 2 a usage error. */
class ExitCodeTest {

    @TempDir
    Path temp;

    private Path root() throws Exception {
        return Files.createDirectories(temp.resolve("plugins"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "graph", "load"})
    void soundRootExitsZero(String verb) throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Files.writeString(root.resolve("README.txt"), "not a plugin");

        CliRun run = CliRun.of(verb, "--plugins", root);

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "graph", "load"})
    void anErrorDiagnosticExitsOne(String verb) throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Plugins.missingDependency(root.resolve("beta.jar"), "p.beta", "1.0.0", "lib.absent");

        CliRun run = CliRun.of(verb, "--plugins", root);

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "graph", "load"})
    void warningsOnlyExitZero(String verb) throws Exception {
        Path root = root();
        Plugins.automatic(root.resolve("legacy-tool-2.1.jar"), "legacy.LegacySource");

        CliRun run = CliRun.of(verb, "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("AUTOMATIC_MODULE"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "graph", "load"})
    void missingPluginsOptionIsAUsageError(String verb) {
        CliRun run = CliRun.of(verb);

        assertUsageError(run, "--plugins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "graph", "load"})
    void missingPluginRootIsOneLineNamingThePath(String verb) {
        Path missing = temp.resolve("no-such-root");

        CliRun run = CliRun.of(verb, "--plugins", missing, "--json");

        assertUsageError(run, missing.toString());
    }

    @Test
    void pluginRootThatIsAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(temp.resolve("plugins.txt"), "not a folder");

        CliRun run = CliRun.of("doctor", "--plugins", file);

        assertUsageError(run, file.toString());
    }

    @Test
    void emptyPluginRootIsAUsageErrorNotTheWorkingDirectory() {
        CliRun run = CliRun.of("list", "--plugins", "");

        assertUsageError(run, "empty path");
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        CliRun run = CliRun.of("list", "--plugins", root(), "--frobnicate");

        assertUsageError(run, "--frobnicate");
    }

    @Test
    void unknownVerbIsAUsageError() throws Exception {
        CliRun run = CliRun.of("explode", "--plugins", root());

        assertUsageError(run, "explode");
    }

    @Test
    void badGraphFormatIsAUsageError() throws Exception {
        CliRun run = CliRun.of("graph", "--plugins", root(), "--format", "svg");

        assertUsageError(run, "svg");
    }

    @Test
    void missingApiPathIsAUsageErrorNamingThePath() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Path missing = temp.resolve("no-such-api.jar");

        CliRun run = CliRun.of("list", "--plugins", root, "--api", missing);

        assertUsageError(run, missing.toString());
    }

    @Test
    void apiPathThatIsNotAJarIsAUsageErrorNamingThePath() throws Exception {
        Path root = root();
        Path text = Files.writeString(temp.resolve("api.txt"), "not a jar");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--api", text, "--json");

        assertUsageError(run, text.toString());
    }

    @Test
    void apiFolderWithoutJarsIsAUsageErrorNamingThePath() throws Exception {
        Path root = root();
        Path empty = Files.createDirectories(temp.resolve("api"));

        CliRun run = CliRun.of("graph", "--plugins", root, "--api", empty);

        assertUsageError(run, empty.toString());
    }

    @Test
    void unreadableJarIsAnErrorDiagnosticNotAUsageError() throws Exception {
        Path root = root();
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Files.writeString(root.resolve("broken.jar"), "not a zip");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        assertTrue(run.out().contains("INVALID_ARCHIVE") && run.out().contains("broken.jar"), run::toString);
    }

    @Test
    void helpExitsZero() {
        CliRun run = CliRun.of("list", "--help");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("--plugins"), run::toString);
    }

    @Test
    void versionExitsZero() {
        CliRun run = CliRun.of("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("layerhost "), run::toString);
    }

    /** Exit 2, nothing on stdout, one line on stderr that names {@code named}, and no stack trace. */
    private static void assertUsageError(CliRun run, String named) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
        assertTrue(run.err().contains(named), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }
}

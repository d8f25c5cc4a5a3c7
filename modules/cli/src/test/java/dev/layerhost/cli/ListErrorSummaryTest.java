package dev.layerhost.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code list} text names its errors under the summary (a bounded number) and points to {@code doctor}. */
class ListErrorSummaryTest {

    @TempDir
    Path temp;

    @Test
    void eachErrorIsNamedByCodeAndEntry() throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");
        Plugins.missingDependency(root.resolve("beta.jar"), "p.beta", "1.0.0", "lib.absent");
        Files.writeString(root.resolve("notes.jar"), "not a zip");

        CliRun run = CliRun.of("list", "--plugins", root);

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("errors: MISSING_DEPENDENCY in beta.jar, INVALID_ARCHIVE in notes.jar;"
                + " run 'layerhost doctor' with the same options for the hints", lastLine(run), run::toString);
    }

    @Test
    void manyErrorsAreNamedUpToFiveAndCountedBeyond() throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));
        for (int i = 1; i <= 8; i++) {
            Files.writeString(root.resolve("broken-" + i + ".jar"), "not a zip");
        }

        CliRun run = CliRun.of("list", "--plugins", root);

        assertEquals(1, run.exitCode(), run::toString);
        String line = lastLine(run);
        assertTrue(line.startsWith("errors: INVALID_ARCHIVE in broken-1.jar, "), line);
        assertEquals(5, line.split("INVALID_ARCHIVE in ", -1).length - 1, line);
        assertTrue(line.contains(" and 3 more; run 'layerhost doctor'"), line);
    }

    @Test
    void noErrorNoLine() throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");

        CliRun run = CliRun.of("list", "--plugins", root);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(lastLine(run).startsWith("1 plugin(s): 1 OK; 0 error(s)"), run::toString);
    }

    private static String lastLine(CliRun run) {
        List<String> lines = run.out().lines().toList();
        return lines.get(lines.size() - 1);
    }
}

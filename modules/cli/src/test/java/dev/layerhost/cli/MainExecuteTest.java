package dev.layerhost.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Main#execute}: the command in the caller's JVM, its exit code returned, the caller's streams left alone. */
class MainExecuteTest {

    @TempDir
    Path temp;

    @Test
    void returnsTheExitCodeAndWritesToTheGivenWriters() throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.2.0");
        Plugins.missingDependency(root.resolve("beta.jar"), "p.beta", "1.0.0", "lib.absent");
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = Main.execute(new String[] {"doctor", "--plugins", root.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(1, exitCode, out + "\n" + err);
        assertTrue(out.toString().contains("MISSING_DEPENDENCY [p.beta in beta.jar]"), out::toString);
        assertEquals("", err.toString());
        assertSame(systemOut, System.out);
        assertSame(systemErr, System.err);
    }

    @Test
    void aUsageErrorIsExitTwoWithOneLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path missing = temp.resolve("no-such-root");

        int exitCode = Main.execute(new String[] {"doctor", "--plugins", missing.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(2, exitCode);
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertTrue(err.toString().contains(missing.toString()), err::toString);
    }
}

package dev.layerhost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.host.HostApplication;
import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.ModuleBatch;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's host application and plugin, run as the guide says: the plugin (a module and its private
 * library, from {@code docs/src/examples/plugins}) built with javac into a folder entry, the host a named
 * module on a module path of its own with {@code layerhost.core}, {@code layerhost.api}, SLF4J and
 * jackson-core, and nothing else.
 */
class HostApplicationTest {

    @Test
    void theGuidesHostLoadsTheGuidesPluginAndReadsThroughIt(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("plugins");
        Path plugins = ExampleSources.root().resolve("plugins");
        List<Path> jars = ModuleBatch.builder()
                .module(ExampleSources.module(plugins.resolve("acme.csv")))
                .module(ExampleSources.module(plugins.resolve("acme.text")))
                .modulePath(ModuleLocation.of(DataSource.class))
                .version("1.0.0")
                .build(temp.resolve("build"), root.resolve("csv-source"));
        assertEquals(2, jars.size());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = runHost(root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, exitCode, err.toString(StandardCharsets.UTF_8));
        assertEquals("acme.csv 1.0.0: csv [test]\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theGuidesHostReportsABrokenPluginAndExitsOne(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("plugins");
        Path plugins = ExampleSources.root().resolve("plugins");
        // The plugin's jar without its private library: the folder entry misses a module it requires.
        ModuleBatch.builder()
                .module(ExampleSources.module(plugins.resolve("acme.csv")))
                .module(ExampleSources.module(plugins.resolve("acme.text")))
                .modulePath(ModuleLocation.of(DataSource.class))
                .version("1.0.0")
                .build(temp.resolve("build"), root.resolve("csv-source"));
        Files.delete(root.resolve("csv-source/acme.text.jar"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = runHost(root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, exitCode);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("MISSING_DEPENDENCY csv-source: "), err::toString);
    }

    /**
     * Runs {@link HostApplication#run} with the host a named module ({@link HostModule}), as
     * {@code java --module-path ... -m com.example.host} would.
     */
    private static int runHost(Path root, PrintStream out, PrintStream err) throws Exception {
        Class<?> host = HostModule.load(HostApplication.class);
        Method run = host.getMethod("run", Path.class, PrintStream.class, PrintStream.class);
        return (int) run.invoke(null, root, out, err);
    }
}

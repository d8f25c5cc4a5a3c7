package dev.layerhost.core;

import dev.layerhost.api.DataSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.apiJar;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A root of 500 small plugins: every one is checked and loaded, in a time far from any limit a user
 * would notice. Not a benchmark: the bound is generous, the times are printed.
 *
 * <p>{@code PluginJar} runs javac once per jar (about 0.3 s each), so the 500 modules are compiled
 * here in one javac run in multi-module mode ({@code --module-source-path}) and each module's classes
 * are then packed into its own jar.
 */
class ManyPluginsTest {

    private static final int PLUGINS = 500;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path workspace;

    @Test
    void fiveHundredPluginsAreScannedAndLoadedWellWithinAMinute() throws IOException {
        Path root = workspace.resolve("plugins");
        List<String> modules = IntStream.range(0, PLUGINS).mapToObj(i -> "p.many%03d".formatted(i)).toList();
        buildPlugins(modules, root);

        try (PluginHost host = PluginHost.builder().pluginRoot(root).build()) {
            long scanStart = System.nanoTime();
            Report scanned = host.scan();
            Duration scan = Duration.ofNanos(System.nanoTime() - scanStart);
            long loadStart = System.nanoTime();
            Report loaded = host.load();
            Duration load = Duration.ofNanos(System.nanoTime() - loadStart);
            System.out.printf("%d plugins: scan %d ms, load %d ms%n", PLUGINS, scan.toMillis(), load.toMillis());

            assertEquals(List.of(), scanned.diagnostics());
            assertEquals(PLUGINS, scanned.plugins().size());
            assertTrue(scanned.plugins().stream().allMatch(p -> p.status() == PluginStatus.OK));
            assertEquals(List.of(), loaded.diagnostics());
            assertTrue(loaded.plugins().stream().allMatch(p -> p.status() == PluginStatus.LOADED));
            assertEquals(modules, host.services(DataSource.class).stream().map(s -> s.service().name()).sorted()
                    .toList());
            assertTrue(scan.plus(load).compareTo(BOUND) < 0, "scan " + scan + " + load " + load + " >= " + BOUND);
        }
    }

    /** Compiles every module in one javac run, then writes {@code root/<module>.jar} for each. */
    private void buildPlugins(List<String> modules, Path root) throws IOException {
        Path sources = workspace.resolve("src");
        Path classes = workspace.resolve("classes");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-nowarn", "-Xlint:none",
                "--module-source-path", sources.toString(), "--module-path", apiJar().toString(),
                "--module-version", "1.0.0"));
        for (String module : modules) {
            Path moduleSources = sources.resolve(module);
            Path moduleInfo = moduleSources.resolve("module-info.java");
            Path source = moduleSources.resolve(module.replace('.', '/')).resolve("Source.java");
            Files.createDirectories(source.getParent());
            Files.writeString(moduleInfo, "module %s { requires layerhost.api; provides %s with %s.Source; }"
                    .formatted(module, PluginRootFixture.DATA_SOURCE, module));
            Files.writeString(source, dataSourceClass(module, '"' + module + '"', ""));
            arguments.add(moduleInfo.toString());
            arguments.add(source.toString());
        }
        StringWriter output = new StringWriter();
        int status = ToolProvider.findFirst("javac").orElseThrow()
                .run(new PrintWriter(output), new PrintWriter(output), arguments.toArray(String[]::new));
        assertEquals(0, status, output::toString);

        Files.createDirectories(root);
        for (String module : modules) {
            pack(classes.resolve(module), root.resolve(module + ".jar"));
        }
    }

    private static void pack(Path moduleClasses, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> tree = Files.walk(moduleClasses)) {
            for (Path classFile : tree.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(moduleClasses.relativize(classFile).toString().replace('\\', '/')));
                Files.copy(classFile, out);
                out.closeEntry();
            }
        }
    }
}

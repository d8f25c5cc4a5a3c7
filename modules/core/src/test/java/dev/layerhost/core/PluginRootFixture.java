package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the real jars of end-to-end tests: {@code DataSource} plugins and small libraries, compiled
 * with the JDK's javac through {@link PluginJar}.
 *
 * <p>A plugin built by {@link #dataSource} is the module {@code m}, which requires
 * {@code layerhost.api} and provides {@code DataSource} with the class {@code m.Source} (its package
 * is the module's name); {@code Source.name()} returns the module's name. Tests change it with the
 * usual builder methods, or replace the class with {@link #dataSourceClass}.
 */
final class PluginRootFixture {

    static final String DATA_SOURCE = "dev.layerhost.api.DataSource";
    /** The tests' API module, as a host application names its own: {@code layerhost.api}, on the module path. */
    static final Module API_MODULE = DataSource.class.getModule();

    private PluginRootFixture() {
    }

    /** The jar (or classes folder) of the host's API module, to compile plugins against. */
    static Path apiJar() {
        try {
            return Path.of(DataSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate module layerhost.api", e);
        }
    }

    /** A plugin module {@code module} providing {@code DataSource} with {@code module.Source}. */
    static PluginJar.Builder dataSource(String module, String version) {
        return PluginJar.builder(module)
                .version(version)
                .requires("layerhost.api")
                .provides(DATA_SOURCE, module + ".Source")
                .source(module + ".Source", dataSourceClass(module, '"' + module + '"', ""))
                .modulePath(apiJar());
    }

    /**
     * The source of {@code pkg.Source}, a {@code DataSource} whose {@code name()} returns the Java
     * expression {@code nameExpression}, with {@code members} (fields, constructor, static
     * initializer) added to the class body.
     */
    static String dataSourceClass(String pkg, String nameExpression, String members) {
        return """
                package %s;

                import java.util.List;
                import java.util.Map;

                public class Source implements dev.layerhost.api.DataSource {
                    %s
                    public String name() { return %s; }
                    public List<String> schemes() { return List.of("test"); }
                    public List<Map<String, Object>> read(String location, int limit) { return List.of(); }
                }
                """.formatted(pkg, members, nameExpression);
    }

    /** A library module {@code module} that exports {@code pkg}, holding the empty class {@code pkg.Marker}. */
    static PluginJar.Builder library(String module, String version, String pkg) {
        return PluginJar.builder(module).version(version).exports(pkg).emptyClass(pkg + ".Marker");
    }

    /**
     * Writes {@code root/<module>.jar} for each of {@code modules}, each a plugin as {@link #dataSource}
     * builds it at version 1.0.0. {@code PluginJar} runs javac once per jar (about 0.3 s each), so for
     * many plugins the modules are compiled here in one javac run in multi-module mode
     * ({@code --module-source-path}, below {@code workspace}) and each module's classes are then packed
     * into its own jar.
     */
    static void compileDataSources(List<String> modules, Path workspace, Path root) {
        try {
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
                        .formatted(module, DATA_SOURCE, module));
                Files.writeString(source, dataSourceClass(module, '"' + module + '"', ""));
                arguments.add(moduleInfo.toString());
                arguments.add(source.toString());
            }
            StringWriter output = new StringWriter();
            int status = ToolProvider.findFirst("javac").orElseThrow()
                    .run(new PrintWriter(output), new PrintWriter(output), arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("javac failed with " + status + ":\n" + output);
            }
            Files.createDirectories(root);
            for (String module : modules) {
                pack(classes.resolve(module), root.resolve(module + ".jar"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build plugins in " + root, e);
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

    /**
     * Runs independent jar builds at once: javac in-process is CPU-bound and single-threaded per run,
     * and most tests need several jars.
     */
    @SafeVarargs
    static List<Path> buildAll(Supplier<Path>... builds) {
        List<CompletableFuture<Path>> futures = Arrays.stream(builds).map(CompletableFuture::supplyAsync).toList();
        try {
            return futures.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            // Rethrow the builder's own exception: its message holds javac's output.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}

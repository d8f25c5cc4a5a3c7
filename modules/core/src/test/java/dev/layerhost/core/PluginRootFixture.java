package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.PluginJar;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

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

                import java.util.Arrays;
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

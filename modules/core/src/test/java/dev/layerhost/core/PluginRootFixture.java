package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;
import dev.layerhost.pluginbuilder.PluginJar;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Builds the real jars of end-to-end tests: {@code DataSource} plugins and small libraries, compiled
 * with the JDK's javac through the test kit ({@link DataSourcePlugins}, {@link PluginJar}).
 *
 * <p>A plugin built by {@link #dataSource} is the module {@code m}, which requires
 * {@code layerhost.api} and provides {@code DataSource} with the class {@code m.Source} (its package
 * is the module's name); {@code Source.name()} returns the module's name. Tests change it with the
 * usual builder methods, or replace the class with {@link #dataSourceClass}.
 */
final class PluginRootFixture {

    static final String DATA_SOURCE = DataSourcePlugins.SERVICE;
    /** The tests' API module, as a host application names its own: {@code layerhost.api}, on the module path. */
    static final Module API_MODULE = DataSource.class.getModule();

    private static final DataSourcePlugins DATA_SOURCES =
            DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));

    private PluginRootFixture() {
    }

    /** The jar (or classes folder) of the host's API module, to compile plugins against. */
    static Path apiJar() {
        return DATA_SOURCES.apiJar();
    }

    /** A plugin module {@code module} providing {@code DataSource} with {@code module.Source}. */
    static PluginJar.Builder dataSource(String module, String version) {
        return DATA_SOURCES.plugin(module, version);
    }

    /**
     * The source of {@code pkg.Source}, a {@code DataSource} whose {@code name()} returns the Java
     * expression {@code nameExpression}, with {@code members} (fields, constructor, static
     * initializer) added to the class body.
     */
    static String dataSourceClass(String pkg, String nameExpression, String members) {
        return DataSourcePlugins.sourceOf(pkg + ".Source", nameExpression, members);
    }

    /** A library module {@code module} that exports {@code pkg}, holding the empty class {@code pkg.Marker}. */
    static PluginJar.Builder library(String module, String version, String pkg) {
        return PluginJar.builder(module).version(version).exports(pkg).emptyClass(pkg + ".Marker");
    }

    /**
     * Writes {@code root/<module>.jar} for each of {@code modules}, each a plugin as {@link #dataSource}
     * builds it at version 1.0.0, compiled in one javac run below {@code workspace} (see
     * {@link dev.layerhost.pluginbuilder.ModuleBatch}): {@code PluginJar} runs javac once per jar, about
     * 0.3 s each.
     */
    static void compileDataSources(List<String> modules, Path workspace, Path root) {
        DATA_SOURCES.batch(modules).version("1.0.0").build(workspace, root);
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

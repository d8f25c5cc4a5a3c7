package dev.layerhost.bench;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The plugin roots the benchmark measures, built in one working folder: the same plugins as layerhost
 * (modular) jars and as PF4J jars, in a root of {@link Settings#plugins()} and one of
 * {@link Settings#largeRoot()}, plus a copy of the small layerhost root for the watcher and two versions
 * of its watched plugin.
 *
 * @param layerhostRoot      {@code plugins} layerhost jars (also the plain JPMS baseline's root)
 * @param layerhostLargeRoot {@code largeRoot} layerhost jars
 * @param watchRoot          a copy of {@code layerhostRoot}, whose watched jar is replaced again and again
 * @param watchedIndex       the index of the watched (and reloaded) plugin
 * @param variants           the watched plugin as 2.0.0 and as 1.0.0, used in turn
 * @param pf4jRoot           {@code plugins} PF4J jars
 * @param pf4jLargeRoot      {@code largeRoot} PF4J jars
 */
record Fixtures(Path layerhostRoot, Path layerhostLargeRoot, Path watchRoot, int watchedIndex,
                List<LayerhostRuns.Variant> variants, Path pf4jRoot, Path pf4jLargeRoot) {

    Fixtures {
        variants = List.copyOf(variants);
    }

    /** The jar or classes folder of {@code layerhost.api} on this class path. */
    static Path apiLocation() {
        return ModuleLocation.of(DataSource.class);
    }

    /** Builds every root in {@code work}. */
    static Fixtures build(Settings settings, Path work) {
        int watchedIndex = settings.plugins() / 2;
        ModularPlugins modular = new ModularPlugins(apiLocation());
        Path layerhost = work.resolve("layerhost");
        List<Path> jars = modular.build(settings.largeRoot(), layerhost.resolve("build"), layerhost.resolve("large"));
        Path root = copyFirst(jars, settings.plugins(), layerhost.resolve("small"));
        Path watchRoot = copyFirst(jars, settings.plugins(), layerhost.resolve("watch"));
        Path variants = layerhost.resolve("variants");
        String jarName = ModularPlugins.jarName(watchedIndex);
        Path two = modular.variant(watchedIndex, "2.0.0", variants.resolve("2.0.0").resolve(jarName));
        Path one = copy(jars.get(watchedIndex), variants.resolve("1.0.0").resolve(jarName));

        Pf4jPlugins pf4j = new Pf4jPlugins();
        Path pf4jLarge = work.resolve("pf4j").resolve("large");
        pf4j.build(settings.largeRoot(), work.resolve("pf4j").resolve("build"), pf4jLarge);
        Path pf4jSmall = work.resolve("pf4j").resolve("small");
        for (int index = 0; index < settings.plugins(); index++) {
            String name = Pf4jPlugins.id(index) + ".jar";
            copy(pf4jLarge.resolve(name), pf4jSmall.resolve(name));
        }
        return new Fixtures(root, layerhost.resolve("large"), watchRoot, watchedIndex,
                List.of(new LayerhostRuns.Variant(two, "2.0.0"), new LayerhostRuns.Variant(one, "1.0.0")),
                pf4jSmall, pf4jLarge);
    }

    String watchedPlugin() {
        return ModularPlugins.id(watchedIndex);
    }

    String watchedPf4jPlugin() {
        return Pf4jPlugins.id(watchedIndex);
    }

    Path watchedJar() {
        return layerhostRoot.resolve(ModularPlugins.jarName(watchedIndex));
    }

    private static Path copyFirst(List<Path> jars, int count, Path root) {
        for (Path jar : jars.subList(0, count)) {
            copy(jar, root.resolve(jar.getFileName().toString()));
        }
        return root;
    }

    private static Path copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            return Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}

package dev.layerhost.bench;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plugin roots the benchmark measures, built in one working folder: the same plugins as layerhost
 * (modular) jars and as PF4J jars, one root of each kind per size, plus a copy of the reload root for the
 * watcher and two versions of its watched plugin.
 *
 * @param layerhostRoots layerhost jars by root size (also the plain JPMS baseline's roots)
 * @param pf4jRoots      PF4J jars by root size
 * @param watchRoot      a copy of the reload root, whose watched jar is replaced again and again
 * @param watchedIndex   the index of the watched (and reloaded) plugin
 * @param variants       the watched plugin as 2.0.0 and as 1.0.0, used in turn
 */
record Fixtures(Map<Integer, Path> layerhostRoots, Map<Integer, Path> pf4jRoots, Path watchRoot, int watchedIndex,
                List<LayerhostRuns.Variant> variants) {

    Fixtures {
        layerhostRoots = Map.copyOf(layerhostRoots);
        pf4jRoots = Map.copyOf(pf4jRoots);
        variants = List.copyOf(variants);
    }

    /** The jar or classes folder of {@code layerhost.api} on this class path. */
    static Path apiLocation() {
        return ModuleLocation.of(DataSource.class);
    }

    /** Builds every root in {@code work}. */
    static Fixtures build(Settings settings, Path work) {
        int watchedIndex = settings.plugins() / 2;
        int largest = settings.largest();
        ModularPlugins modular = new ModularPlugins(apiLocation());
        Path layerhost = work.resolve("layerhost");
        List<Path> jars = modular.build(largest, layerhost.resolve("build"), layerhost.resolve("all"));
        Pf4jPlugins pf4j = new Pf4jPlugins();
        Path pf4jAll = work.resolve("pf4j").resolve("all");
        pf4j.build(largest, work.resolve("pf4j").resolve("build"), pf4jAll);
        Set<Integer> sizes = new TreeSet<>(settings.sizes());
        sizes.add(settings.plugins());
        sizes.add(settings.largeRoot());
        if (settings.huge() > 0) {
            sizes.add(settings.huge());
        }
        Map<Integer, Path> layerhostRoots = new TreeMap<>();
        Map<Integer, Path> pf4jRoots = new TreeMap<>();
        for (int size : sizes) {
            layerhostRoots.put(size, copyFirst(jars, size, layerhost.resolve("root-" + size)));
            Path pf4jRoot = work.resolve("pf4j").resolve("root-" + size);
            for (int index = 0; index < size; index++) {
                String name = Pf4jPlugins.id(index) + ".jar";
                copy(pf4jAll.resolve(name), pf4jRoot.resolve(name));
            }
            pf4jRoots.put(size, pf4jRoot);
        }
        Path watchRoot = copyFirst(jars, settings.plugins(), layerhost.resolve("watch"));
        Path variants = layerhost.resolve("variants");
        String jarName = ModularPlugins.jarName(watchedIndex);
        Path two = modular.variant(watchedIndex, "2.0.0", variants.resolve("2.0.0").resolve(jarName));
        Path one = copy(jars.get(watchedIndex), variants.resolve("1.0.0").resolve(jarName));
        return new Fixtures(layerhostRoots, pf4jRoots, watchRoot, watchedIndex,
                List.of(new LayerhostRuns.Variant(two, "2.0.0"), new LayerhostRuns.Variant(one, "1.0.0")));
    }

    Path layerhostRoot(int size) {
        return layerhostRoots.get(size);
    }

    Path pf4jRoot(int size) {
        return pf4jRoots.get(size);
    }

    String watchedPlugin() {
        return ModularPlugins.id(watchedIndex);
    }

    String watchedPf4jPlugin() {
        return Pf4jPlugins.id(watchedIndex);
    }

    /** The watched plugin's jar in the root of {@code size}. */
    Path watchedJar(int size) {
        return layerhostRoot(size).resolve(ModularPlugins.jarName(watchedIndex));
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

package dev.layerhost.bench;

import dev.layerhost.pluginbuilder.DataSourcePlugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The baseline: what any JPMS host must do at least to load a plugin, by hand with the JDK's module
 * API — {@code Configuration.resolve}, {@code defineModulesWithOneLoader}, {@code ServiceLoader} — with
 * no check, no copy and no bookkeeping. Its API layer is made once from the same {@code layerhost.api}
 * jar that layerhost's default API layer is made of.
 */
final class PlainJpms {

    private final ModuleLayer api;
    private final Class<?> service;

    private PlainJpms(ModuleLayer api, Class<?> service) {
        this.api = api;
        this.service = service;
    }

    /** A baseline whose API layer holds the module {@code layerhost.api} found at {@code apiLocation}. */
    static PlainJpms over(Path apiLocation) {
        ModuleFinder finder = ModuleFinder.of(apiLocation);
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("layerhost.api"));
        ModuleLayer api = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        try {
            Class<?> service = api.findLoader("layerhost.api").loadClass(DataSourcePlugins.SERVICE);
            return new PlainJpms(api, service);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("layerhost.api at " + apiLocation + " has no " + DataSourcePlugins.SERVICE, e);
        }
    }

    /**
     * One plugin layer: resolves the modules of {@code jar} on the API layer, defines them with one class
     * loader, and instantiates the providers of the layer's own modules.
     *
     * @return the provider instances (one for the benchmark's plugins)
     */
    List<Object> load(Path jar) {
        ModuleFinder finder = ModuleFinder.of(jar);
        Set<String> roots = finder.findAll().stream().map(ModuleReference::descriptor)
                .map(descriptor -> descriptor.name()).collect(Collectors.toSet());
        Configuration configuration = Configuration.resolve(finder, List.of(api.configuration()), ModuleFinder.of(),
                roots);
        ModuleLayer layer = ModuleLayer.defineModulesWithOneLoader(configuration, List.of(api),
                ClassLoader.getPlatformClassLoader()).layer();
        return ServiceLoader.load(layer, service).stream()
                .filter(provider -> provider.type().getModule().getLayer() == layer)
                .map(provider -> (Object) provider.get())
                .toList();
    }

    /** The heap that one layer per jar of {@code root} keeps, providers made (see {@link HeapProbe}). */
    long retainedHeap(Path root) {
        long before = HeapProbe.usedAfterCollection();
        List<Object> instances = loadAll(root);
        long retained = HeapProbe.usedAfterCollection() - before;
        if (instances.isEmpty()) {
            throw new IllegalStateException("no provider in " + root);
        }
        return retained;
    }

    /** One layer per jar of {@code root}, in name order; returns every provider instance. */
    List<Object> loadAll(Path root) {
        List<Object> instances = new ArrayList<>();
        for (Path jar : jarsOf(root)) {
            instances.addAll(load(jar));
        }
        return instances;
    }

    /**
     * The floor of any scan: {@code ModuleFinder.of(jars).findAll()} over the root's jars, which reads
     * every descriptor once and checks nothing.
     *
     * @return nanoseconds
     */
    static long findAll(Path root, int expected) {
        List<Path> jars = jarsOf(root);
        long start = System.nanoTime();
        int found = ModuleFinder.of(jars.toArray(Path[]::new)).findAll().size();
        long took = System.nanoTime() - start;
        if (found != expected) {
            throw new IllegalStateException("ModuleFinder found " + found + " modules of " + expected);
        }
        return took;
    }

    private static List<Path> jarsOf(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}

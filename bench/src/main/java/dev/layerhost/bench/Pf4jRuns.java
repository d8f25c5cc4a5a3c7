package dev.layerhost.bench;

import java.nio.file.Path;
import java.util.List;

import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Times PF4J 3.13.0 ({@link JarPluginManager}: jar plugins, manifest descriptors) on the same plugins.
 * PF4J creates extensions lazily, on {@code getExtensions}, while layerhost instantiates providers while
 * loading: so each figure is also given with the extensions instantiated.
 */
final class Pf4jRuns {

    /**
     * @param started        up to {@code startPlugin} (or {@code startPlugins})
     * @param withExtensions up to the extensions instantiated, too
     */
    record Timing(Samples started, Samples withExtensions) {
    }

    /**
     * One load of a root, in nanoseconds.
     *
     * @param started        up to {@code startPlugins}
     * @param withExtensions up to every extension instantiated, too
     */
    record LoadTime(long started, long withExtensions) {
    }

    /**
     * Loads and starts {@code root}, then times {@code unloadPlugin(id)} + {@code loadPlugin(path)} +
     * {@code startPlugin(id)} (and then {@code getExtensions(Greeting.class, id)}) {@code count} times
     * after {@code warmUp} untimed ones.
     */
    Timing reloads(Path root, String pluginId, int warmUp, int count, int expectedPlugins) {
        Samples.Recorder started = new Samples.Recorder();
        Samples.Recorder withExtensions = new Samples.Recorder();
        PluginManager manager = new JarPluginManager(root);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            requireStarted(manager, expectedPlugins, root);
            Path path = manager.getPlugin(pluginId).getPluginPath();
            for (int run = 0; run < warmUp + count; run++) {
                long start = System.nanoTime();
                manager.unloadPlugin(pluginId);
                String loaded = manager.loadPlugin(path);
                PluginState state = manager.startPlugin(loaded);
                long afterStart = System.nanoTime();
                List<Greeting> greetings = manager.getExtensions(Greeting.class, loaded);
                greetings.forEach(Greeting::greet);
                long afterExtensions = System.nanoTime();
                if (state != PluginState.STARTED || greetings.size() != 1) {
                    throw new IllegalStateException("PF4J reload of " + pluginId + ": " + state + ", " + greetings);
                }
                if (run >= warmUp) {
                    started.add(afterStart - start);
                    withExtensions.add(afterExtensions - start);
                }
            }
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
        return new Timing(started.samples(), withExtensions.samples());
    }

    /**
     * Times {@code loadPlugins()} + {@code startPlugins()} of {@code root} by a new manager (making the
     * manager is not timed), then {@code getExtensions(Greeting.class)}.
     *
     * @return the time up to the plugins started, and up to the extensions instantiated
     */
    LoadTime load(Path root, int expectedPlugins) {
        PluginManager manager = new JarPluginManager(root);
        try {
            long start = System.nanoTime();
            manager.loadPlugins();
            manager.startPlugins();
            long afterStart = System.nanoTime();
            List<Greeting> greetings = manager.getExtensions(Greeting.class);
            greetings.forEach(Greeting::greet);
            long afterExtensions = System.nanoTime();
            requireStarted(manager, expectedPlugins, root);
            if (greetings.size() != expectedPlugins) {
                throw new IllegalStateException("PF4J made " + greetings.size() + " extensions of " + expectedPlugins);
            }
            return new LoadTime(afterStart - start, afterExtensions - start);
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    /** The heap a loaded and started root keeps, extensions made and called once (see {@link HeapProbe}). */
    long retainedHeap(Path root, int expectedPlugins) {
        long before = HeapProbe.usedAfterCollection();
        PluginManager manager = new JarPluginManager(root);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            List<Greeting> greetings = manager.getExtensions(Greeting.class);
            greetings.forEach(Greeting::greet);
            requireStarted(manager, expectedPlugins, root);
            return HeapProbe.usedAfterCollection() - before;
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    private static void requireStarted(PluginManager manager, int expected, Path root) {
        List<PluginWrapper> started = manager.getStartedPlugins();
        if (started.size() != expected) {
            throw new IllegalStateException("PF4J started " + started.size() + " of " + expected + " plugins of " + root);
        }
    }
}

package dev.layerhost.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run of the benchmark measured.
 *
 * @param settings        what was measured how often
 * @param watch           file move to {@code RELOADED} under {@code watch()}, one plugin among {@code plugins}
 * @param reload          {@code host.reload(id)}, one plugin among {@code plugins}
 * @param reloadLarge     {@code host.reload(id)}, one plugin among {@code largeRoot}
 * @param lazyReload      the same with lazy providers, among {@code plugins}
 * @param lazyReloadLarge the same with lazy providers, among {@code largeRoot}
 * @param pf4jReload      PF4J's unload + load + start of one plugin among {@code plugins}
 * @param plainLayer      one plugin layer by hand: resolve, define, instantiate the provider
 * @param loads           the loads and scans of each root size
 * @param huge            the scan and load of the huge root, if asked for
 * @param processes       whole processes, if an image was given
 */
record Figures(Settings settings, Samples watch, Samples reload, Samples reloadLarge, Samples lazyReload,
               Samples lazyReloadLarge, Pf4jRuns.Timing pf4jReload, Samples plainLayer, List<Load> loads,
               Optional<Huge> huge, Optional<Processes.Figures> processes) {

    Figures {
        loads = List.copyOf(loads);
    }

    /**
     * The loads and scans of one root by each host.
     *
     * @param plugins            how many plugins the root holds
     * @param eager              {@code load()} of a new host, providers made while loading
     * @param lazy               {@code load()} with lazy providers
     * @param lazyServed         {@code load()} with lazy providers, then every service made and called once
     * @param cold               eager {@code load()} by a host with an empty cache folder
     * @param pf4jStarted        {@code loadPlugins()} + {@code startPlugins()} of a new manager
     * @param pf4jServed         the same, then {@code getExtensions(Greeting.class)} and one call of each
     * @param plain              one layer per plugin by hand, each with its provider instantiated
     * @param scan               {@code scan()} (list, doctor) by a new host over the unchanged root
     * @param discovery          the discovery part of that scan: listing the root and reading (or
     *                           recalling) every jar's descriptor, from layerhost's flight-recorder events
     * @param findAll            {@code ModuleFinder.of(jars).findAll()}: the floor of any scan
     * @param phases             milliseconds per eager load in each phase, from layerhost's flight-recorder events
     * @param layerhostHeap      heap retained by an eager load, services made, in bytes
     * @param pf4jHeap           heap retained by PF4J, extensions made, in bytes
     * @param plainHeap          heap retained by plain JPMS, one layer per plugin, providers made, in bytes
     */
    record Load(int plugins, Samples eager, Samples lazy, Samples lazyServed, Samples cold, Samples pf4jStarted,
                Samples pf4jServed, Samples plain, Samples scan, Samples discovery, Samples findAll, Map<String, Double> phases,
                long layerhostHeap, long pf4jHeap, long plainHeap) {
        Load {
            phases = Map.copyOf(phases);
        }
    }

    /** The huge root, measured once: scan and eager load times, the load's phases (ms), and the heap it retains. */
    record Huge(int plugins, double scanMillis, double loadMillis, long heapBytes, Map<String, Double> phases) {
        Huge {
            phases = Map.copyOf(phases);
        }
    }

    Optional<Load> load(int plugins) {
        return loads.stream().filter(load -> load.plugins() == plugins).findFirst();
    }
}

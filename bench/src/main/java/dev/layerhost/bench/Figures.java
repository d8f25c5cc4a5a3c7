package dev.layerhost.bench;

import java.util.List;

/**
 * Everything one run of the benchmark measured.
 *
 * @param settings    what was measured how often
 * @param watch       file move to {@code RELOADED} under {@code watch()}, one plugin among {@code plugins}
 * @param reload      {@code host.reload(id)}, one plugin among {@code plugins}
 * @param reloadLarge {@code host.reload(id)}, one plugin among {@code largeRoot}
 * @param pf4jReload  PF4J's unload + load + start of one plugin among {@code plugins}
 * @param plainLayer  one plugin layer by hand: resolve, define, instantiate the provider
 * @param loads       the loads of the root of {@code plugins}, then of {@code largeRoot}
 */
record Figures(Settings settings, Samples watch, Samples reload, Samples reloadLarge, Pf4jRuns.Timing pf4jReload,
               Samples plainLayer, List<Load> loads) {

    Figures {
        loads = List.copyOf(loads);
    }

    /**
     * The loads of one root by each host.
     *
     * @param plugins            how many plugins the root holds
     * @param layerhost          {@code load()} of a new host
     * @param pf4jStarted        {@code loadPlugins()} + {@code startPlugins()} of a new manager
     * @param pf4jWithExtensions the same, then {@code getExtensions(Greeting.class)}
     * @param plain              one layer per plugin by hand, each with its provider instantiated
     */
    record Load(int plugins, Samples layerhost, Samples pf4jStarted, Samples pf4jWithExtensions, Samples plain) {
    }
}

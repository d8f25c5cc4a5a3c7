package dev.layerhost.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints {@link Figures} as tables of medians and p90s, the cost per plugin by root size, and every goal
 * of issue 8 with the ratio measured in this run and whether it is met.
 */
final class ResultTable {

    private static final String ROW = "%-70s %10s %10s %6s%n";
    private static final String GOAL_ROW = "%-66s %10s %8s  %s%n";

    private final PrintWriter out;

    ResultTable(PrintWriter out) {
        this.out = out;
    }

    /** One target: a measured value against its limit (at most). */
    record Goal(String name, double measured, double limit, String unit) {
        boolean met() {
            return measured <= limit;
        }
    }

    void print(Figures figures) {
        Settings settings = figures.settings();
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "layerhost benchmark: Java %s (%s), %s %s, %d cores, max heap %d MiB%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), runtime.availableProcessors(), runtime.maxMemory() >> 20);
        out.printf(Locale.ROOT, "roots: %s plugins (reloads among %d and %d); watch: %d changes, quiet period %d ms;"
                        + " reloads: %d after %d warm-up; loads: %d rounds after 1 warm-up%n%n", settings.sizes(),
                settings.plugins(), settings.largeRoot(), settings.watchChanges(), settings.quietPeriod().toMillis(),
                settings.reloads(), settings.warmUp(), settings.loadRounds());
        out.printf(ROW, "measure", "median ms", "p90 ms", "n");
        int n = settings.plugins();
        int large = settings.largeRoot();
        row("1 watch(): atomic move -> RELOADED, 1 of " + n + " (quiet " + settings.quietPeriod().toMillis() + " ms)",
                figures.watch());
        row("    the same minus the quiet period", figures.watch().minus(settings.quietPeriod()));
        row("2 layerhost reload(id), 1 of " + n, figures.reload());
        row("    layerhost reload(id), 1 of " + large, figures.reloadLarge());
        row("    layerhost reload(id), lazy providers, 1 of " + n, figures.lazyReload());
        row("    layerhost reload(id), lazy providers, 1 of " + large, figures.lazyReloadLarge());
        row("3 PF4J unloadPlugin + loadPlugin + startPlugin, 1 of " + n, figures.pf4jReload().started());
        row("    the same + getExtensions(Greeting, id) + one call", figures.pf4jReload().withExtensions());
        row("4 plain JPMS: resolve + defineModulesWithOneLoader + ServiceLoader", figures.plainLayer());
        for (Figures.Load load : figures.loads()) {
            int size = load.plugins();
            out.printf("%n5 %d plugins%n", size);
            row("  layerhost load(), providers made while loading", load.eager());
            row("  layerhost load(), lazy providers", load.lazy());
            row("    the same + services(DataSource) + one call of each", load.lazyServed());
            row("  layerhost load() with an empty cache folder (first start)", load.cold());
            row("  PF4J loadPlugins() + startPlugins()", load.pf4jStarted());
            row("    the same + getExtensions(Greeting) + one call of each", load.pf4jServed());
            row("  plain JPMS, one layer per plugin, provider made", load.plain());
            row("  layerhost scan() (list, doctor) by a new host, unchanged root", load.scan());
            row("    its discovery: list the root, read or recall every descriptor", load.discovery());
            row("  ModuleFinder.of(jars).findAll(): the floor of discovery", load.findAll());
            out.println(phases("  phases of one eager load (ms, us per plugin):", load.phases(), size));
            out.printf(Locale.ROOT, "  heap retained, services made: layerhost %.1f MiB, PF4J %.1f MiB, plain JPMS %.1f MiB%n",
                    load.layerhostHeap() / 1048576.0, load.pf4jHeap() / 1048576.0, load.plainHeap() / 1048576.0);
        }
        growth(figures.loads());
        figures.huge().ifPresent(huge -> {
            out.printf(Locale.ROOT, "%n6 %d plugins, once: scan() %.0f ms (%.0f us per plugin), eager load() %.0f ms"
                            + " (%.0f us per plugin), heap retained %.1f MiB%n", huge.plugins(), huge.scanMillis(),
                    huge.scanMillis() * 1000 / huge.plugins(), huge.loadMillis(), huge.loadMillis() * 1000 / huge.plugins(),
                    huge.heapBytes() / 1048576.0);
            out.println(phases("  phases of that load (ms, us per plugin):", huge.phases(), huge.plugins()));
        });
        figures.processes().ifPresent(processes -> {
            out.printf("%n7 whole processes%n");
            row("  image: layerhost load --plugins (" + processes.plugins() + " plugins)", processes.load());
            row("  java program: PF4J load + start + getExtensions + call", processes.pf4jProgram());
            row("  image: layerhost --version", processes.version());
            row("  image: bin/java -version", processes.javaVersion());
            row("  image: layerhost doctor --plugins (" + processes.doctorPlugins() + " plugins)", processes.doctor());
        });
        goals(figures);
        out.flush();
    }

    private static String phases(String label, java.util.Map<String, Double> phases, int plugins) {
        StringBuilder line = new StringBuilder(label);
        for (String phase : List.of("scan", "copy", "check", "verify", "plan", "define", "instantiate")) {
            Double millis = phases.get(phase);
            if (millis != null) {
                line.append(String.format(Locale.ROOT, " %s %.1f (%.0f)", phase, millis, millis * 1000 / plugins));
            }
        }
        return line.toString();
    }

    /** Microseconds per plugin for each root size: a cost that grows faster than the root shows here. */
    private void growth(List<Figures.Load> loads) {
        out.printf("%ncost per plugin (median us per plugin) by root size%n");
        out.printf("%-44s", "");
        loads.forEach(load -> out.printf("%10d", load.plugins()));
        out.println();
        perPlugin("layerhost load(), eager", loads, Figures.Load::eager);
        perPlugin("layerhost load(), lazy", loads, Figures.Load::lazy);
        perPlugin("layerhost scan()", loads, Figures.Load::scan);
        perPlugin("PF4J load + start + getExtensions + call", loads, Figures.Load::pf4jServed);
        perPlugin("plain JPMS", loads, Figures.Load::plain);
    }

    private void perPlugin(String label, List<Figures.Load> loads, java.util.function.Function<Figures.Load, Samples> measure) {
        out.printf("%-44s", label);
        loads.forEach(load -> out.printf(Locale.ROOT, "%10.0f", measure.apply(load).medianMillis() * 1000 / load.plugins()));
        out.println();
    }

    private void goals(Figures figures) {
        List<Goal> goals = new ArrayList<>();
        Settings settings = figures.settings();
        for (int size : List.of(100, 1000)) {
            figures.load(size).ifPresent(load -> {
                goals.add(ratio("load " + size + ", eager / PF4J load+start+getExtensions+call", load.eager(), load.pf4jServed(), 0.5));
                goals.add(ratio("load " + size + ", lazy / PF4J load+start+getExtensions+call", load.lazy(), load.pf4jServed(), 0.5));
                goals.add(ratio("load " + size + ", eager / plain JPMS", load.eager(), load.plain(), 1.0));
                goals.add(ratio("load " + size + ", lazy / plain JPMS", load.lazy(), load.plain(), 1.0));
            });
        }
        Optional<Figures.Load> hundred = figures.load(100);
        Optional<Figures.Load> thousand = figures.load(1000);
        if (hundred.isPresent() && thousand.isPresent()) {
            goals.add(ratio("load(1000) / load(100), eager", thousand.get().eager(), hundred.get().eager(), 11));
            goals.add(ratio("load(1000) / load(100), lazy", thousand.get().lazy(), hundred.get().lazy(), 11));
        }
        String among = " 1 of " + settings.largeRoot() + " / 1 of " + settings.plugins();
        goals.add(ratio("reload" + among + ", eager", figures.reloadLarge(), figures.reload(), 1.5));
        goals.add(ratio("reload" + among + ", lazy", figures.lazyReloadLarge(), figures.lazyReload(), 1.5));
        goals.add(new Goal("reload 1 of " + settings.plugins() + ", eager, median", figures.reload().medianMillis(), 0.3, "ms"));
        goals.add(new Goal("reload 1 of " + settings.plugins() + ", lazy, median", figures.lazyReload().medianMillis(), 0.3, "ms"));
        goals.add(ratio("reload 1 of " + settings.plugins() + ", eager / PF4J's + getExtensions", figures.reload(),
                figures.pf4jReload().withExtensions(), 0.15));
        goals.add(ratio("reload 1 of " + settings.plugins() + ", lazy / PF4J's + getExtensions", figures.lazyReload(),
                figures.pf4jReload().withExtensions(), 0.15));
        Figures.Load largest = figures.loads().get(figures.loads().size() - 1);
        goals.add(ratio("warm start: discovery of " + largest.plugins() + " / ModuleFinder findAll", largest.discovery(),
                largest.findAll(), 0.5));
        goals.add(ratio("(extra) warm start: whole scan() of " + largest.plugins() + " with checks / findAll", largest.scan(),
                largest.findAll(), 1.0));
        goals.add(new Goal("heap after loading " + largest.plugins() + " / PF4J's",
                (double) largest.layerhostHeap() / largest.pf4jHeap(), 1.0, "x"));
        figures.processes().ifPresent(processes -> {
            goals.add(ratio("process: layerhost load of " + processes.plugins() + " / PF4J program", processes.load(),
                    processes.pf4jProgram(), 0.7));
            goals.add(ratio("process: layerhost --version / bin/java -version", processes.version(),
                    processes.javaVersion(), 2.0));
        });
        figures.huge().ifPresent(huge -> thousand.ifPresent(load -> {
            goals.add(new Goal("load(" + huge.plugins() + ") / load(1000), eager", huge.loadMillis() / load.eager().medianMillis(),
                    11.0 * huge.plugins() / 10_000, "x"));
            goals.add(new Goal("scan(" + huge.plugins() + ") / scan(1000)", huge.scanMillis() / load.scan().medianMillis(),
                    11.0 * huge.plugins() / 10_000, "x"));
        }));
        out.printf("%ngoals (issue 8), ratios of medians measured in this run%n");
        out.printf(GOAL_ROW, "goal", "measured", "at most", "");
        for (Goal goal : goals) {
            out.printf(Locale.ROOT, GOAL_ROW, goal.name(), "%.2f %s".formatted(goal.measured(), goal.unit()),
                    "%.2f".formatted(goal.limit()), goal.met() ? "met" : "MISSED");
        }
        long met = goals.stream().filter(Goal::met).count();
        out.printf("%d of %d goals met%n", met, goals.size());
    }

    private static Goal ratio(String name, Samples numerator, Samples denominator, double limit) {
        return new Goal(name, numerator.medianMillis() / denominator.medianMillis(), limit, "x");
    }

    private void row(String measure, Samples samples) {
        out.printf(Locale.ROOT, ROW, measure, "%.2f".formatted(samples.medianMillis()),
                "%.2f".formatted(samples.p90Millis()), samples.count());
    }
}

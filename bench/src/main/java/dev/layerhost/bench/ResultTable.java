package dev.layerhost.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints {@link Figures} as a table of medians and p90s, then the ratios of the medians. */
final class ResultTable {

    private static final String ROW = "%-66s %10s %10s %6s%n";
    private static final String RATIO_ROW = "%-24s %18s %22s %24s%n";

    private final PrintWriter out;

    ResultTable(PrintWriter out) {
        this.out = out;
    }

    void print(Figures figures) {
        Settings settings = figures.settings();
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "layerhost benchmark: Java %s (%s), %s %s, %d cores, max heap %d MiB%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), runtime.availableProcessors(), runtime.maxMemory() >> 20);
        out.printf(Locale.ROOT, "plugins: %d (loads also %d); watch: %d changes, quiet period %d ms; reloads: %d after"
                        + " %d warm-up; loads: %d rounds after 1 warm-up%n%n", settings.plugins(), settings.largeRoot(),
                settings.watchChanges(), settings.quietPeriod().toMillis(), settings.reloads(), settings.warmUp(),
                settings.loadRounds());
        out.printf(ROW, "measure", "median ms", "p90 ms", "n");
        int n = settings.plugins();
        row("1 watch(): atomic move -> RELOADED, 1 of " + n + " (quiet " + settings.quietPeriod().toMillis() + " ms)",
                figures.watch());
        row("    the same minus the quiet period", figures.watch().minus(settings.quietPeriod()));
        row("2 layerhost reload(id), 1 of " + n, figures.reload());
        row("    layerhost reload(id), 1 of " + settings.largeRoot(), figures.reloadLarge());
        row("3 PF4J unloadPlugin + loadPlugin + startPlugin, 1 of " + n, figures.pf4jReload().started());
        row("    the same + getExtensions(Greeting, id)", figures.pf4jReload().withExtensions());
        row("4 plain JPMS: resolve + defineModulesWithOneLoader + ServiceLoader", figures.plainLayer());
        String number = "5";
        for (Figures.Load load : figures.loads()) {
            String prefix = number + " load " + load.plugins() + ": ";
            row(prefix + "layerhost load()", load.layerhost());
            row(prefix.replaceAll(".", " ") + "PF4J loadPlugins() + startPlugins()", load.pf4jStarted());
            row(prefix.replaceAll(".", " ") + "  the same + getExtensions(Greeting)", load.pf4jWithExtensions());
            row(prefix.replaceAll(".", " ") + "plain JPMS, one layer per plugin", load.plain());
            number = " ";
        }
        out.printf("%nratios of the medians%n");
        out.printf(RATIO_ROW, "", "layerhost / PF4J", "layerhost / PF4J+ext", "layerhost / plain JPMS");
        ratios("reload 1 of " + n, figures.reload(), figures.pf4jReload().started(),
                figures.pf4jReload().withExtensions(), figures.plainLayer());
        for (Figures.Load load : figures.loads()) {
            ratios("load " + load.plugins(), load.layerhost(), load.pf4jStarted(), load.pf4jWithExtensions(),
                    load.plain());
        }
        out.flush();
    }

    private void row(String measure, Samples samples) {
        out.printf(Locale.ROOT, ROW, measure, "%.2f".formatted(samples.medianMillis()),
                "%.2f".formatted(samples.p90Millis()), samples.count());
    }

    private void ratios(String label, Samples layerhost, Samples pf4j, Samples pf4jWithExtensions, Samples plain) {
        out.printf(Locale.ROOT, RATIO_ROW, label, ratio(layerhost, pf4j), ratio(layerhost, pf4jWithExtensions),
                ratio(layerhost, plain));
    }

    private static String ratio(Samples numerator, Samples denominator) {
        return String.format(Locale.ROOT, "%.1f x", numerator.medianMillis() / denominator.medianMillis());
    }
}

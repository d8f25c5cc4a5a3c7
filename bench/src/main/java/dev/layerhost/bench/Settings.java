package dev.layerhost.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How much the benchmark measures: the sizes of the plugin roots and how often each figure is taken.
 *
 * @param plugins      the size of the root that reloads are measured in (and the first load figure)
 * @param largeRoot    the size of the second root whose load is measured
 * @param watchChanges how many times one jar is replaced under {@code watch()}
 * @param quietPeriod  the watcher's quiet period
 * @param reloads      how many reloads of one plugin are timed (for each of layerhost, PF4J, plain JPMS)
 * @param warmUp       untimed reloads before the timed ones
 * @param loadRounds   how many timed loads of each root by each host (after one untimed round)
 * @param workDirectory where the plugin roots are built (in a new folder {@code run-*} there, kept); empty: a new
 *                      temporary folder, deleted at the end
 */
record Settings(int plugins, int largeRoot, int watchChanges, Duration quietPeriod, int reloads, int warmUp,
                int loadRounds, Optional<Path> workDirectory) {

    Settings {
        if (plugins < 1 || largeRoot < plugins) {
            throw new IllegalArgumentException("need 1 <= plugins <= large root, got " + plugins + " and " + largeRoot);
        }
        if (watchChanges < 1 || reloads < 1 || loadRounds < 1 || warmUp < 0) {
            throw new IllegalArgumentException("watch changes, reloads and load rounds must be at least 1");
        }
    }

    /** The figures of the README: 100 plugins (and 500), 30 watched changes, 200 reloads. */
    static Settings defaults() {
        return new Settings(100, 500, 30, Duration.ofMillis(200), 200, 20, 10, Optional.empty());
    }

    /** Tiny counts, for a smoke test that the benchmark runs at all. */
    static Settings tiny(Path workDirectory) {
        return new Settings(3, 6, 2, Duration.ofMillis(50), 3, 1, 1, Optional.of(workDirectory));
    }

    /**
     * The defaults, changed by {@code --plugins N --large N --watch N --quiet-period MILLIS --reloads N
     * --warm-up N --rounds N --work DIR}.
     *
     * @throws IllegalArgumentException on an unknown option or a missing or bad value
     */
    static Settings parse(String[] args) {
        Settings settings = defaults();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            settings = settings.with(args[i], args[i + 1]);
        }
        return settings;
    }

    private Settings with(String option, String value) {
        return switch (option) {
            case "--plugins" -> new Settings(number(option, value), Math.max(largeRoot, number(option, value)),
                    watchChanges, quietPeriod, reloads, warmUp, loadRounds, workDirectory);
            case "--large" -> new Settings(plugins, number(option, value), watchChanges, quietPeriod, reloads, warmUp,
                    loadRounds, workDirectory);
            case "--watch" -> new Settings(plugins, largeRoot, number(option, value), quietPeriod, reloads, warmUp,
                    loadRounds, workDirectory);
            case "--quiet-period" -> new Settings(plugins, largeRoot, watchChanges,
                    Duration.ofMillis(number(option, value)), reloads, warmUp, loadRounds, workDirectory);
            case "--reloads" -> new Settings(plugins, largeRoot, watchChanges, quietPeriod, number(option, value),
                    warmUp, loadRounds, workDirectory);
            case "--warm-up" -> new Settings(plugins, largeRoot, watchChanges, quietPeriod, reloads,
                    number(option, value), loadRounds, workDirectory);
            case "--rounds" -> new Settings(plugins, largeRoot, watchChanges, quietPeriod, reloads, warmUp,
                    number(option, value), workDirectory);
            case "--work" -> new Settings(plugins, largeRoot, watchChanges, quietPeriod, reloads, warmUp, loadRounds,
                    Optional.of(Path.of(value)));
            default -> throw new IllegalArgumentException("unknown option " + option + "; known: --plugins --large"
                    + " --watch --quiet-period --reloads --warm-up --rounds --work");
        };
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'", e);
        }
    }
}

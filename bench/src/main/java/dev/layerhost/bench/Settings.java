package dev.layerhost.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How much the benchmark measures: the sizes of the plugin roots and how often each figure is taken.
 *
 * @param sizes        the root sizes whose loads and scans are measured, ascending
 * @param plugins      the size of the root that reloads and the watcher are measured in
 * @param largeRoot    the size of the second root that reloads are measured in (linear growth)
 * @param huge         a root size measured once for scan and load only (time and heap; 0: none)
 * @param watchChanges how many times one jar is replaced under {@code watch()}
 * @param quietPeriod  the watcher's quiet period
 * @param reloads      how many reloads of one plugin are timed (for each of layerhost, PF4J, plain JPMS)
 * @param warmUp       untimed reloads before the timed ones
 * @param loadRounds   how many timed loads of each root by each host (after one untimed round)
 * @param processRuns  how many timed runs of each whole process (after one untimed); 0: none
 * @param image        the layerhost runtime image whose launcher the whole-process figures run
 * @param workDirectory where the plugin roots are built (in a new folder {@code run-*} there, kept); empty: a new
 *                      temporary folder, deleted at the end
 */
record Settings(List<Integer> sizes, int plugins, int largeRoot, int huge, int watchChanges, Duration quietPeriod,
                int reloads, int warmUp, int loadRounds, int processRuns, Optional<Path> image,
                Optional<Path> workDirectory) {

    Settings {
        sizes = List.copyOf(new TreeSet<>(sizes));
        if (sizes.isEmpty() || sizes.get(0) < 1 || plugins < 1 || largeRoot < plugins) {
            throw new IllegalArgumentException("need sizes >= 1 and 1 <= plugins <= large root, got " + sizes + ", "
                    + plugins + " and " + largeRoot);
        }
        if (watchChanges < 1 || reloads < 1 || loadRounds < 1 || warmUp < 0 || processRuns < 0 || huge < 0) {
            throw new IllegalArgumentException("watch changes, reloads and load rounds must be at least 1");
        }
    }

    /** The figures of BENCHMARKS.md: roots of 10, 100 and 1000 plugins; the image, if it was built. */
    static Settings defaults() {
        Path image = Path.of("jlink", "target", "image");
        return new Settings(List.of(10, 100, 1000), 100, 1000, 0, 20, Duration.ofMillis(200), 200, 20, 7, 5,
                java.nio.file.Files.isDirectory(image) ? Optional.of(image) : Optional.empty(), Optional.empty());
    }

    /** Tiny counts, for a smoke test that the benchmark runs at all (CI: roots of 10). */
    static Settings tiny(Path workDirectory) {
        return new Settings(List.of(3, 10), 3, 10, 0, 2, Duration.ofMillis(50), 3, 1, 1, 0, Optional.empty(),
                Optional.of(workDirectory));
    }

    /** Every root size the fixtures must build. */
    int largest() {
        return Math.max(Math.max(sizes.get(sizes.size() - 1), largeRoot), huge);
    }

    /**
     * The defaults, changed by {@code --sizes N,N,.. --plugins N --large N --huge N --watch N
     * --quiet-period MILLIS --reloads N --warm-up N --rounds N --processes N --image DIR --work DIR}.
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
            case "--sizes" -> new Settings(Arrays.stream(value.split(",")).map(s -> number(option, s.strip())).toList(),
                    plugins, largeRoot, huge, watchChanges, quietPeriod, reloads, warmUp, loadRounds, processRuns, image,
                    workDirectory);
            case "--plugins" -> new Settings(sizes, number(option, value), Math.max(largeRoot, number(option, value)),
                    huge, watchChanges, quietPeriod, reloads, warmUp, loadRounds, processRuns, image, workDirectory);
            case "--large" -> new Settings(sizes, plugins, number(option, value), huge, watchChanges, quietPeriod,
                    reloads, warmUp, loadRounds, processRuns, image, workDirectory);
            case "--huge" -> new Settings(sizes, plugins, largeRoot, number(option, value), watchChanges, quietPeriod,
                    reloads, warmUp, loadRounds, processRuns, image, workDirectory);
            case "--watch" -> new Settings(sizes, plugins, largeRoot, huge, number(option, value), quietPeriod,
                    reloads, warmUp, loadRounds, processRuns, image, workDirectory);
            case "--quiet-period" -> new Settings(sizes, plugins, largeRoot, huge, watchChanges,
                    Duration.ofMillis(number(option, value)), reloads, warmUp, loadRounds, processRuns, image,
                    workDirectory);
            case "--reloads" -> new Settings(sizes, plugins, largeRoot, huge, watchChanges, quietPeriod,
                    number(option, value), warmUp, loadRounds, processRuns, image, workDirectory);
            case "--warm-up" -> new Settings(sizes, plugins, largeRoot, huge, watchChanges, quietPeriod, reloads,
                    number(option, value), loadRounds, processRuns, image, workDirectory);
            case "--rounds" -> new Settings(sizes, plugins, largeRoot, huge, watchChanges, quietPeriod, reloads,
                    warmUp, number(option, value), processRuns, image, workDirectory);
            case "--processes" -> new Settings(sizes, plugins, largeRoot, huge, watchChanges, quietPeriod, reloads,
                    warmUp, loadRounds, number(option, value), image, workDirectory);
            case "--image" -> new Settings(sizes, plugins, largeRoot, huge, watchChanges, quietPeriod, reloads,
                    warmUp, loadRounds, processRuns, Optional.of(Path.of(value)), workDirectory);
            case "--work" -> new Settings(sizes, plugins, largeRoot, huge, watchChanges, quietPeriod, reloads,
                    warmUp, loadRounds, processRuns, image, Optional.of(Path.of(value)));
            default -> throw new IllegalArgumentException("unknown option " + option + "; known: --sizes --plugins"
                    + " --large --huge --watch --quiet-period --reloads --warm-up --rounds --processes --image --work");
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

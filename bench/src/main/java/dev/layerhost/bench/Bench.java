package dev.layerhost.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's entry point: builds the plugin roots, measures everything in one run, prints the
 * table. Options: see {@link Settings#parse}. Progress goes to stderr, the table to stdout.
 *
 * <pre>{@code
 * mvn -B -q -pl bench -am install -DskipTests && mvn -B -q -pl bench exec:java
 * mvn -B -q -pl bench exec:java -Dexec.args="--plugins 50 --reloads 100"
 * }</pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        // The SLF4J binding reads its level once, when the first logger is made: set it before that.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("layerhost-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        new ResultTable(out).print(run(settings, err));
    }

    /** Measures everything {@code settings} asks for, telling {@code progress} what it is doing. */
    static Figures run(Settings settings, PrintWriter progress) {
        Path work = settings.workDirectory().map(Bench::runFolder).orElseGet(Bench::temporaryFolder);
        try {
            long start = System.nanoTime();
            Fixtures fixtures = Fixtures.build(settings, work);
            progress.printf("built %d + %d plugin jars in %d ms in %s%n", settings.largeRoot(), settings.largeRoot(),
                    (System.nanoTime() - start) / 1_000_000, work);
            return measure(settings, fixtures, progress);
        } finally {
            if (settings.workDirectory().isEmpty()) {
                delete(work);
            }
        }
    }

    private static Figures measure(Settings settings, Fixtures fixtures, PrintWriter progress) {
        LayerhostRuns layerhost = new LayerhostRuns();
        Pf4jRuns pf4j = new Pf4jRuns();
        PlainJpms plain = PlainJpms.over(Fixtures.apiLocation());
        int plugins = settings.plugins();

        progress.println("1/5 watch(): replacing " + fixtures.watchedPlugin() + " " + settings.watchChanges() + " times");
        Samples watch = layerhost.watchLatency(fixtures.watchRoot(), fixtures.watchedPlugin(),
                fixtures.watchedJar().getFileName().toString(), fixtures.variants(), settings.quietPeriod(),
                settings.watchChanges(), plugins);
        progress.println("2/5 layerhost reload(" + fixtures.watchedPlugin() + ")");
        Samples reload = layerhost.reloads(fixtures.layerhostRoot(), fixtures.watchedPlugin(), settings.warmUp(),
                settings.reloads(), plugins);
        Samples reloadLarge = layerhost.reloads(fixtures.layerhostLargeRoot(), fixtures.watchedPlugin(),
                settings.warmUp(), Math.max(1, settings.reloads() / 4), settings.largeRoot());
        progress.println("3/5 PF4J unload + load + start of " + fixtures.watchedPf4jPlugin());
        Pf4jRuns.Timing pf4jReload = pf4j.reloads(fixtures.pf4jRoot(), fixtures.watchedPf4jPlugin(), settings.warmUp(),
                settings.reloads(), plugins);
        progress.println("4/5 plain JPMS layer of " + fixtures.watchedPlugin());
        Samples plainLayer = plainLayers(plain, fixtures.watchedJar(), settings);
        List<Figures.Load> loads = new ArrayList<>();
        progress.println("5/5 loads of " + plugins + " and " + settings.largeRoot() + " plugins");
        loads.add(loads(settings, plugins, fixtures.layerhostRoot(), fixtures.pf4jRoot(), layerhost, pf4j, plain));
        if (settings.largeRoot() != plugins) {
            loads.add(loads(settings, settings.largeRoot(), fixtures.layerhostLargeRoot(), fixtures.pf4jLargeRoot(),
                    layerhost, pf4j, plain));
        }
        return new Figures(settings, watch, reload, reloadLarge, pf4jReload, plainLayer, loads);
    }

    private static Samples plainLayers(PlainJpms plain, Path jar, Settings settings) {
        Samples.Recorder recorder = new Samples.Recorder();
        for (int run = 0; run < settings.warmUp() + settings.reloads(); run++) {
            long start = System.nanoTime();
            List<Object> instances = plain.load(jar);
            long took = System.nanoTime() - start;
            if (instances.size() != 1) {
                throw new IllegalStateException("plain JPMS layer of " + jar + " has " + instances.size() + " providers");
            }
            if (run >= settings.warmUp()) {
                recorder.add(took);
            }
        }
        return recorder.samples();
    }

    /** One untimed round, then {@code loadRounds} timed ones; each round loads the root once with each host. */
    private static Figures.Load loads(Settings settings, int plugins, Path layerhostRoot, Path pf4jRoot,
                                      LayerhostRuns layerhost, Pf4jRuns pf4j, PlainJpms plain) {
        Samples.Recorder ours = new Samples.Recorder();
        Samples.Recorder pf4jStarted = new Samples.Recorder();
        Samples.Recorder pf4jWithExtensions = new Samples.Recorder();
        Samples.Recorder plainLoads = new Samples.Recorder();
        for (int round = 0; round <= settings.loadRounds(); round++) {
            // Each load starts without the previous one's garbage, so that no host pays for another's.
            System.gc();
            long layerhostTime = layerhost.load(layerhostRoot, plugins);
            System.gc();
            Pf4jRuns.LoadTime pf4jTime = pf4j.load(pf4jRoot, plugins);
            System.gc();
            long start = System.nanoTime();
            int instances = plain.loadAll(layerhostRoot).size();
            long plainTime = System.nanoTime() - start;
            if (instances != plugins) {
                throw new IllegalStateException("plain JPMS made " + instances + " providers of " + plugins);
            }
            if (round > 0) {
                ours.add(layerhostTime);
                pf4jStarted.add(pf4jTime.started());
                pf4jWithExtensions.add(pf4jTime.withExtensions());
                plainLoads.add(plainTime);
            }
        }
        return new Figures.Load(plugins, ours.samples(), pf4jStarted.samples(), pf4jWithExtensions.samples(),
                plainLoads.samples());
    }

    /** A new folder in {@code parent}, so that a second run with the same {@code --work} starts afresh. */
    private static Path runFolder(Path parent) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent), "run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working folder in " + parent, e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("layerhost-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working folder", e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the working folder " + folder, e);
        }
    }
}

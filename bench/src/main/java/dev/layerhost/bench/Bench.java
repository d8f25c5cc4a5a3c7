package dev.layerhost.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            progress.printf("built %d + %d plugin jars in %d ms in %s%n", settings.largest(), settings.largest(),
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
        int large = settings.largeRoot();
        String watched = fixtures.watchedPlugin();

        progress.println("1/6 watch(): replacing " + watched + " " + settings.watchChanges() + " times");
        Samples watch = layerhost.watchLatency(fixtures.watchRoot(), watched,
                fixtures.watchedJar(plugins).getFileName().toString(), fixtures.variants(), settings.quietPeriod(),
                settings.watchChanges(), plugins);
        progress.println("2/6 layerhost reload(" + watched + ") among " + plugins + " and " + large);
        int largeReloads = Math.max(1, settings.reloads() / 4);
        Samples reload = layerhost.reloads(fixtures.layerhostRoot(plugins), watched, settings.warmUp(),
                settings.reloads(), plugins, false);
        Samples reloadLarge = layerhost.reloads(fixtures.layerhostRoot(large), watched, settings.warmUp(),
                largeReloads, large, false);
        Samples lazyReload = layerhost.reloads(fixtures.layerhostRoot(plugins), watched, settings.warmUp(),
                settings.reloads(), plugins, true);
        Samples lazyReloadLarge = layerhost.reloads(fixtures.layerhostRoot(large), watched, settings.warmUp(),
                largeReloads, large, true);
        progress.println("3/6 PF4J unload + load + start of " + fixtures.watchedPf4jPlugin());
        Pf4jRuns.Timing pf4jReload = pf4j.reloads(fixtures.pf4jRoot(plugins), fixtures.watchedPf4jPlugin(),
                settings.warmUp(), settings.reloads(), plugins);
        progress.println("4/6 plain JPMS layer of " + watched);
        Samples plainLayer = plainLayers(plain, fixtures.watchedJar(plugins), settings);
        List<Figures.Load> loads = new ArrayList<>();
        for (int size : settings.sizes()) {
            progress.println("5/6 loads and scans of " + size + " plugins");
            loads.add(loads(settings, size, fixtures, layerhost, pf4j, plain));
        }
        Optional<Figures.Huge> huge = Optional.empty();
        if (settings.huge() > 0) {
            progress.println("   scan and load of " + settings.huge() + " plugins");
            huge = Optional.of(huge(settings.huge(), fixtures.layerhostRoot(settings.huge()), layerhost));
        }
        Optional<Processes.Figures> processes = Optional.empty();
        if (settings.image().isPresent() && settings.processRuns() > 0) {
            progress.println("6/6 whole processes: the image's layerhost load, a PF4J program, --version");
            int largest = settings.sizes().get(settings.sizes().size() - 1);
            processes = Optional.of(new Processes(settings.image().get()).measure(fixtures.layerhostRoot(plugins),
                    fixtures.pf4jRoot(plugins), plugins, fixtures.layerhostRoot(largest), largest,
                    settings.processRuns()));
        }
        return new Figures(settings, watch, reload, reloadLarge, lazyReload, lazyReloadLarge, pf4jReload, plainLayer,
                loads, huge, processes);
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

    /**
     * One untimed round, then {@code loadRounds} timed ones; each round loads the root once in each way,
     * taking turns, with a collection before each so that no load pays for another's garbage.
     */
    private static Figures.Load loads(Settings settings, int plugins, Fixtures fixtures, LayerhostRuns layerhost,
                                      Pf4jRuns pf4j, PlainJpms plain) {
        Path root = fixtures.layerhostRoot(plugins);
        Path pf4jRoot = fixtures.pf4jRoot(plugins);
        Map<String, Samples.Recorder> recorders = new LinkedHashMap<>();
        for (String name : List.of("eager", "lazy", "lazyServed", "cold", "pf4jStarted", "pf4jServed", "plain",
                "scan", "discovery", "findAll")) {
            recorders.put(name, new Samples.Recorder());
        }
        Map<String, Long> phaseNanos = new LinkedHashMap<>();
        for (int round = 0; round <= settings.loadRounds(); round++) {
            Map<String, Long> took = new LinkedHashMap<>();
            System.gc();
            try (PhaseRecorder phases = new PhaseRecorder()) {
                took.put("eager", layerhost.load(root, plugins, LayerhostRuns.LoadKind.EAGER));
                if (round > 0) {
                    phases.stop("load").forEach((phase, nanos) -> phaseNanos.merge(phase, nanos, Long::sum));
                }
            }
            System.gc();
            took.put("lazy", layerhost.load(root, plugins, LayerhostRuns.LoadKind.LAZY));
            System.gc();
            took.put("lazyServed", layerhost.load(root, plugins, LayerhostRuns.LoadKind.LAZY_SERVED));
            System.gc();
            took.put("cold", layerhost.load(root, plugins, LayerhostRuns.LoadKind.COLD));
            System.gc();
            Pf4jRuns.LoadTime pf4jTime = pf4j.load(pf4jRoot, plugins);
            took.put("pf4jStarted", pf4jTime.started());
            took.put("pf4jServed", pf4jTime.withExtensions());
            System.gc();
            long start = System.nanoTime();
            int instances = plain.loadAll(root).size();
            took.put("plain", System.nanoTime() - start);
            if (instances != plugins) {
                throw new IllegalStateException("plain JPMS made " + instances + " providers of " + plugins);
            }
            System.gc();
            try (PhaseRecorder phases = new PhaseRecorder()) {
                took.put("scan", layerhost.scan(root, plugins));
                Map<String, Long> scanPhases = phases.stop("scan");
                took.put("discovery", scanPhases.getOrDefault("scan", 0L) + scanPhases.getOrDefault("read", 0L));
            }
            took.put("findAll", PlainJpms.findAll(root, plugins));
            if (round > 0) {
                took.forEach((name, nanos) -> recorders.get(name).add(nanos));
            }
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        phaseNanos.forEach((phase, nanos) -> phases.put(phase, nanos / 1e6 / settings.loadRounds()));
        long layerhostHeap = layerhost.retainedHeap(root, plugins);
        long pf4jHeap = pf4j.retainedHeap(pf4jRoot, plugins);
        long plainHeap = plain.retainedHeap(root);
        return new Figures.Load(plugins, recorders.get("eager").samples(), recorders.get("lazy").samples(),
                recorders.get("lazyServed").samples(), recorders.get("cold").samples(),
                recorders.get("pf4jStarted").samples(), recorders.get("pf4jServed").samples(),
                recorders.get("plain").samples(), recorders.get("scan").samples(), recorders.get("discovery").samples(), recorders.get("findAll").samples(),
                phases, layerhostHeap, pf4jHeap, plainHeap);
    }

    /**
     * The huge root, once each: too big to repeat in a run of a few minutes. An untimed load first fills
     * the content store, as every start but an application's first finds it.
     */
    private static Figures.Huge huge(int plugins, Path root, LayerhostRuns layerhost) {
        layerhost.load(root, plugins, LayerhostRuns.LoadKind.EAGER);
        layerhost.scan(root, plugins);
        System.gc();
        long scan = layerhost.scan(root, plugins);
        System.gc();
        long load;
        Map<String, Double> phases = new LinkedHashMap<>();
        try (PhaseRecorder recorder = new PhaseRecorder()) {
            load = layerhost.load(root, plugins, LayerhostRuns.LoadKind.EAGER);
            recorder.stop("load").forEach((phase, nanos) -> phases.put(phase, nanos / 1e6));
        }
        long heap = layerhost.retainedHeap(root, plugins);
        return new Figures.Huge(plugins, scan / 1e6, load / 1e6, heap, phases);
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

    /** Deletes {@code folder} and everything in it. */
    static void delete(Path folder) {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}

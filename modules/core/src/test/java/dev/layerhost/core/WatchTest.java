package dev.layerhost.core;

import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.DATA_SOURCE;
import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static dev.layerhost.core.ReloadApiTest.alpha;
import static dev.layerhost.core.ReloadApiTest.buildCsvAndWarehouse;
import static dev.layerhost.core.ReloadApiTest.csv;
import static dev.layerhost.core.ReloadApiTest.describe;
import static dev.layerhost.core.ReloadApiTest.names;
import static dev.layerhost.core.ReloadApiTest.namesByPlugin;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.liveIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PluginHost#watch()} on a real root with real jars: files are replaced, rewritten in place,
 * corrupted, added and removed while the host runs, and the test waits for the events the watcher
 * sends (with a timeout, never a fixed sleep). To show that something does not happen (a second reload,
 * a rejection of a half-written jar, an unload), a test waits a bounded window of a few quiet periods.
 */
class WatchTest {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration POLL = Duration.ofMillis(50);
    /** A few quiet periods: far longer than the watcher waits for a complete jar to stay still. */
    private static final Duration NO_MORE_EVENTS = QUIET.multipliedBy(4);

    @TempDir
    Path workspace;

    private Path root;
    private Path staging;
    private final EventRecorder recorder = new EventRecorder();

    @BeforeEach
    void createFolders() throws IOException {
        root = Files.createDirectories(workspace.resolve("plugins"));
        staging = Files.createDirectories(workspace.resolve("staging"));
    }

    @Test
    void atomicallyReplacedJarIsReloadedOnceAndTheNewVersionServes() {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> alpha("2.0.0", "v2").build(staging.resolve("alpha-2.jar")),
                () -> dataSource("p.beta", "1.0.0").build(root.resolve("beta.jar")));
        try (PluginHost host = watching()) {
            ModuleLayer old = host.layer("p.alpha").orElseThrow();
            ModuleLayer beta = host.layer("p.beta").orElseThrow();

            replaceAtomically(jars.get(1), root.resolve("alpha.jar"));

            PluginEvent reloaded = recorder.next(PluginEvent.Kind.RELOADED, "p.alpha");
            assertEquals(Optional.of("2.0.0"), reloaded.version());
            assertEquals("alpha.jar", reloaded.source());
            assertEquals(List.of(), reloaded.diagnostics());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.alpha"));
            assertEquals(Map.of("p.alpha", "v2", "p.beta", "p.beta"), namesByPlugin(host));
            assertNotSame(old, host.layer("p.alpha").orElseThrow());
            assertTrue(beta == host.layer("p.beta").orElseThrow(), "an unchanged plugin was rebuilt");
        }
    }

    @Test
    void jarWrittenInPlaceSlowlyIsReloadedOnceWhenCompleteAndNeverRejected() {
        // Incompressible padding makes the jar big enough that writing it 200 bytes at a time takes seconds.
        byte[] padding = new byte[12_000];
        new Random(4).nextBytes(padding);
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> alpha("2.0.0", "v2").resource("p/alpha/padding.bin", padding)
                        .build(staging.resolve("alpha-2.jar")));
        byte[] v2 = read(jars.get(1));
        Duration gap = Duration.ofMillis(25);
        int chunk = 200;
        try (PluginHost host = watching()) {
            Instant started = Instant.now();

            Instant finished = CompletableFuture.supplyAsync(
                    () -> writeSlowly(root.resolve("alpha.jar"), v2, chunk, gap, Duration.ZERO)).join();

            assertTrue(Duration.between(started, finished).compareTo(QUIET.multipliedBy(3)) > 0,
                    "the write must last longer than the quiet period to test anything, took "
                            + Duration.between(started, finished));
            PluginEvent reloaded = recorder.next(PluginEvent.Kind.RELOADED, "p.alpha");
            assertEquals(Optional.of("2.0.0"), reloaded.version());
            assertFalse(reloaded.at().isBefore(finished),
                    "reloaded at " + reloaded.at() + ", before the write finished at " + finished);
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.alpha"));
            assertEquals(List.of("v2"), names(host));
        }
    }

    @Test
    void writerThatStallsHalfwayLongerThanTheQuietPeriodGetsOneReloadAndNoRejection() {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> alpha("2.0.0", "v2").build(staging.resolve("alpha-2.jar")));
        byte[] v2 = read(jars.get(1));
        // Still for several quiet periods, but within the ten a jar that does not end like a zip is given.
        Duration stall = QUIET.multipliedBy(5);
        try (PluginHost host = watching()) {
            Instant finished = CompletableFuture.supplyAsync(
                    () -> writeSlowly(root.resolve("alpha.jar"), v2, 200, Duration.ofMillis(10), stall)).join();

            PluginEvent reloaded = recorder.next(PluginEvent.Kind.RELOADED, "p.alpha");
            assertEquals(Optional.of("2.0.0"), reloaded.version());
            assertFalse(reloaded.at().isBefore(finished),
                    "reloaded at " + reloaded.at() + ", before the write finished at " + finished);
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(List.of("v2"), names(host));
        }
    }

    @Test
    void corruptReplacementIsRejectedAndTheOldVersionKeepsServingUntilASoundOneComes() throws IOException {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> alpha("2.0.0", "v2").build(staging.resolve("alpha-2.jar")));
        Path live = root.resolve("alpha.jar");
        Path text = Files.writeString(staging.resolve("text.jar"), "this is not a jar");
        try (PluginHost host = watching()) {
            ModuleLayer serving = host.layer("p.alpha").orElseThrow();

            // An interrupted download: the zip's central directory is gone.
            Corruption.truncate(live, (int) Files.size(live) / 2);

            assertInvalidArchive(recorder.next(PluginEvent.Kind.REJECTED, "p.alpha"));
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertStillServing(host, serving);

            replaceAtomically(text, live);

            assertInvalidArchive(recorder.next(PluginEvent.Kind.REJECTED, "p.alpha"));
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertStillServing(host, serving);

            replaceAtomically(jars.get(1), live);

            assertEquals(Optional.of("2.0.0"), recorder.next(PluginEvent.Kind.RELOADED, "p.alpha").version());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(List.of("v2"), names(host));
        }
    }

    @Test
    void replacementWithAMissingDependencyIsRejectedAndTheOldVersionKeepsServing() {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> alpha("2.0.0", "v2").requires("lib.nowhere").build(staging.resolve("alpha-2.jar")));
        try (PluginHost host = watching()) {
            ModuleLayer serving = host.layer("p.alpha").orElseThrow();

            replaceAtomically(jars.get(1), root.resolve("alpha.jar"));

            PluginEvent rejected = recorder.next(PluginEvent.Kind.REJECTED, "p.alpha");
            assertEquals(Optional.of("2.0.0"), rejected.version());
            assertEquals(1, rejected.diagnostics().size(), rejected::toString);
            assertError(rejected.diagnostics().get(0), DiagnosticCode.MISSING_DEPENDENCY, "p.alpha", "alpha.jar",
                    Map.of("module", "lib.nowhere", "requiredBy", "p.alpha"));
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertStillServing(host, serving);
        }
    }

    @Test
    void replacementWhoseProviderThrowsFailsAndTheOldVersionKeepsServing() {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> dataSource("p.alpha", "2.0.0")
                        .source("p.alpha.Source", dataSourceClass("p.alpha", "\"v2\"",
                                "public Source() { throw new IllegalStateException(\"v2 cannot start\"); }"))
                        .build(staging.resolve("alpha-2.jar")));
        try (PluginHost host = watching()) {
            ModuleLayer serving = host.layer("p.alpha").orElseThrow();

            replaceAtomically(jars.get(1), root.resolve("alpha.jar"));

            PluginEvent failed = recorder.next(PluginEvent.Kind.FAILED, "p.alpha");
            assertEquals(Optional.of("2.0.0"), failed.version());
            assertEquals(1, failed.diagnostics().size(), failed::toString);
            Diagnostic cause = failed.diagnostics().get(0);
            assertError(cause, DiagnosticCode.PROVIDER_FAILED, "p.alpha", "alpha.jar",
                    Map.of("service", DATA_SOURCE, "provider", "p.alpha.Source"));
            assertTrue(cause.message().contains("v2 cannot start"), cause.message());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertStillServing(host, serving);
        }
    }

    @Test
    void newEntryIsLoadedAndRemovedEntryIsUnloaded() throws IOException {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> dataSource("p.beta", "1.5.0").build(staging.resolve("beta.jar")));
        try (PluginHost host = watching()) {
            replaceAtomically(jars.get(1), root.resolve("beta.jar"));

            PluginEvent loaded = recorder.next(PluginEvent.Kind.LOADED, "p.beta");
            assertEquals(Optional.of("1.5.0"), loaded.version());
            assertEquals("beta.jar", loaded.source());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(Map.of("p.alpha", "v1", "p.beta", "p.beta"), namesByPlugin(host));
            WeakReference<ClassLoader> alphaLoader = Reachability.loaderOf(host, "p.alpha", "p.alpha");

            Files.delete(root.resolve("alpha.jar"));

            PluginEvent unloaded = recorder.next(PluginEvent.Kind.UNLOADED, "p.alpha");
            assertEquals(Optional.of("1.0.0"), unloaded.version());
            assertEquals("alpha.jar", unloaded.source());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(Map.of("p.beta", "p.beta"), namesByPlugin(host));
            assertEquals(Optional.empty(), host.liveVersion("p.alpha"));
            assertEquals(List.of("p.beta"), liveIds(host));
            assertTrue(Reachability.collectUntil(() -> alphaLoader.refersTo(null), Duration.ofSeconds(10)),
                    "the removed plugin's class loader is still reachable");
        }
    }

    @Test
    void folderEntryIsLoadedWhenItAppearsAndReloadedWhenItsLibraryChanges() throws IOException {
        List<Path> libraries = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> tool("1.0.0", "old tool").build(staging.resolve("lib-tool-1.jar")),
                () -> tool("1.1.0", "new tool").build(staging.resolve("lib-tool-2.jar")));
        Path gamma = dataSource("p.gamma", "1.0.0")
                .requires("lib.tool")
                .source("p.gamma.Source", dataSourceClass("p.gamma", "lib.tool.Tool.describe()", ""))
                .modulePath(libraries.get(1))
                .build(staging.resolve("p-gamma.jar"));
        try (PluginHost host = watching()) {
            // A folder appears, then its jars, one after the other, as a copy tool makes them.
            Path folder = Files.createDirectory(root.resolve("gamma"));
            Files.copy(libraries.get(1), folder.resolve("lib-tool.jar"));
            Files.copy(gamma, folder.resolve("p-gamma.jar"));

            assertEquals(Optional.of("1.0.0"), recorder.next(PluginEvent.Kind.LOADED, "p.gamma").version());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(Map.of("p.alpha", "v1", "p.gamma", "old tool"), namesByPlugin(host));

            replaceAtomically(libraries.get(2), folder.resolve("lib-tool.jar"));

            PluginEvent reloaded = recorder.next(PluginEvent.Kind.RELOADED, "p.gamma");
            assertEquals("gamma", reloaded.source());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(Map.of("p.alpha", "v1", "p.gamma", "new tool"), namesByPlugin(host));
            assertEquals(Optional.of("1.1.0"), host.layer("p.gamma").orElseThrow().findModule("lib.tool")
                    .orElseThrow().getDescriptor().rawVersion());
        }
    }

    @Test
    void replacingAPluginReloadsThePluginsThatRequireItAfterItOnItsNewLayer() {
        buildCsvAndWarehouse(root);
        Path csv2 = csv("1.2.0", "csv2").build(staging.resolve("csv-2.jar"));
        try (PluginHost host = watching()) {
            ModuleLayer oldCsv = host.layer("p.csv").orElseThrow();
            ModuleLayer oldWarehouse = host.layer("p.warehouse").orElseThrow();
            assertEquals(Map.of("p.csv", "p.csv", "p.warehouse", "csv:warehouse"), namesByPlugin(host));

            replaceAtomically(csv2, root.resolve("csv.jar"));

            assertEquals(Optional.of("1.2.0"), recorder.next(PluginEvent.Kind.RELOADED, "p.csv").version());
            assertEquals(Optional.of("2.0.0"), recorder.next(PluginEvent.Kind.RELOADED, "p.warehouse").version());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            ModuleLayer csv = host.layer("p.csv").orElseThrow();
            ModuleLayer warehouse = host.layer("p.warehouse").orElseThrow();
            assertNotSame(oldCsv, csv);
            assertNotSame(oldWarehouse, warehouse);
            assertEquals(List.of(csv, host.apiLayer()), warehouse.parents());
            assertEquals(Map.of("p.csv", "p.csv", "p.warehouse", "csv2:warehouse"), namesByPlugin(host));
            assertEquals(List.of("p.csv", "p.warehouse"), liveIds(host));
        }
    }

    @Test
    void removingAPluginUnloadsThePluginsThatRequireItFirstAndItsReturnLoadsThemAgain() throws IOException {
        buildCsvAndWarehouse(root);
        Path csvJar = root.resolve("csv.jar");
        Path kept = Files.copy(csvJar, staging.resolve("csv.jar"));
        try (PluginHost host = watching()) {
            Files.delete(csvJar);

            assertEquals(Optional.of("2.0.0"), recorder.next(PluginEvent.Kind.UNLOADED, "p.warehouse").version());
            assertEquals(Optional.of("1.1.0"), recorder.next(PluginEvent.Kind.UNLOADED, "p.csv").version());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(List.of(), host.live());

            replaceAtomically(kept, csvJar);

            assertEquals(List.of("LOADED p.csv 1.1.0", "LOADED p.warehouse 2.0.0"),
                    describe(List.of(recorder.next(), recorder.next())));
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(Map.of("p.csv", "p.csv", "p.warehouse", "csv:warehouse"), namesByPlugin(host));
            assertEquals(List.of(host.layer("p.csv").orElseThrow(), host.apiLayer()),
                    host.layer("p.warehouse").orElseThrow().parents());
        }
    }

    @Test
    void burstOfReplacementsGivesOneReloadOfTheLastVersion() {
        List<Path> versions = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> stagedAlpha(2), () -> stagedAlpha(3), () -> stagedAlpha(4), () -> stagedAlpha(5),
                () -> stagedAlpha(6));
        try (PluginHost host = watching()) {
            // Five replacements, each seen by a watcher pass or two, none more than a fraction of the quiet period apart.
            for (Path version : versions.subList(1, versions.size())) {
                replaceAtomically(version, root.resolve("alpha.jar"));
                pause(POLL);
            }

            assertEquals(Optional.of("6.0.0"), recorder.next(PluginEvent.Kind.RELOADED, "p.alpha").version());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(Optional.of("6.0.0"), host.liveVersion("p.alpha"));
            assertEquals(List.of("v6"), names(host));
        }
    }

    @Test
    void removingOneOfTwoDuplicatesLoadsTheOther() throws IOException {
        buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> alpha("2.0.0", "v2").build(root.resolve("alpha-copy.jar")));
        try (PluginHost host = startedWithProblems(2)) {
            Files.delete(root.resolve("alpha-copy.jar"));

            PluginEvent loaded = recorder.next(PluginEvent.Kind.LOADED, "p.alpha");
            assertEquals(Optional.of("1.0.0"), loaded.version());
            assertEquals("alpha.jar", loaded.source());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertEquals(List.of("v1"), names(host));
        }
    }

    @Test
    void pluginWhoseMissingParentArrivesIsBuiltThenAndSaysSoWhenTheParentFails() {
        List<Path> jars = buildAll(
                () -> dataSource("p.child", "1.0.0").requires("p.parent").build(root.resolve("child.jar")),
                () -> dataSource("p.parent", "1.0.0").exports("p.parent")
                        .source("p.parent.Source", dataSourceClass("p.parent", "\"parent\"",
                                "public Source() { throw new IllegalStateException(\"parent refuses\"); }"))
                        .build(staging.resolve("parent-failing.jar")),
                () -> dataSource("p.parent", "1.1.0").exports("p.parent").build(staging.resolve("parent.jar")));
        try (PluginHost host = startedWithProblems(1)) {
            replaceAtomically(jars.get(1), root.resolve("parent.jar"));

            assertEquals(PluginEvent.Kind.FAILED, recorder.next(PluginEvent.Kind.FAILED, "p.parent").kind());
            PluginEvent rejected = recorder.next(PluginEvent.Kind.REJECTED, "p.child");
            assertEquals(List.of(DiagnosticCode.DEPENDENCY_REJECTED),
                    rejected.diagnostics().stream().map(Diagnostic::code).toList(), rejected::toString);
            recorder.assertNoEventWithin(NO_MORE_EVENTS);

            replaceAtomically(jars.get(2), root.resolve("parent.jar"));

            assertEquals(Optional.of("1.1.0"), recorder.next(PluginEvent.Kind.LOADED, "p.parent").version());
            assertEquals(Optional.of("1.0.0"), recorder.next(PluginEvent.Kind.LOADED, "p.child").version());
            assertEquals(List.of("p.parent", "p.child"), liveIds(host));
        }
    }

    /**
     * Size, time and file key are what the watcher compares on every poll; a jar rewritten in place with
     * its time kept ({@code cp -p} of a reproducible build) keeps all three, and only the watch service's
     * event tells. The same bytes are written here, so the fingerprint is the same for certain.
     */
    @Test
    void jarRewrittenWithItsFingerprintKeptIsReloadedWhenTheWatchServiceReportsTheWrite() throws IOException {
        Path alpha = alpha("1.0.0", "v1").build(root.resolve("alpha.jar"));
        byte[] bytes = read(alpha);
        try (PluginHost host = watching()) {
            ModuleLayer old = host.layer("p.alpha").orElseThrow();
            FileTime time = Files.getLastModifiedTime(alpha);

            Files.write(alpha, bytes, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            Files.setLastModifiedTime(alpha, time);

            assertEquals(Optional.of("1.0.0"), recorder.next(PluginEvent.Kind.RELOADED, "p.alpha").version());
            recorder.assertNoEventWithin(NO_MORE_EVENTS);
            assertNotSame(old, host.layer("p.alpha").orElseThrow());
        }
    }

    /**
     * Listeners get events with no lock of the host held: one that reloads another plugin from the
     * watcher's thread, while this thread reloads a third one over and over, must not deadlock.
     */
    @Test
    void listenerMayCallTheHostWhileAnotherThreadReloads() {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> alpha("2.0.0", "v2").build(staging.resolve("alpha-2.jar")),
                () -> dataSource("p.beta", "1.0.0").build(root.resolve("beta.jar")),
                () -> dataSource("p.gamma", "1.0.0").build(root.resolve("gamma.jar")));
        try (PluginHost host = watching()) {
            CompletableFuture<List<PluginEvent>> fromListener = new CompletableFuture<>();
            host.addListener(event -> {
                if (event.kind() == PluginEvent.Kind.RELOADED && event.pluginOrSource().equals("p.alpha")) {
                    fromListener.complete(host.reload("p.beta"));
                }
            });

            replaceAtomically(jars.get(1), root.resolve("alpha.jar"));

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                while (!fromListener.isDone()) {
                    host.reload("p.gamma");
                }
                assertEquals(List.of("RELOADED p.beta 1.0.0"), describe(fromListener.get()));
            });
        }
    }

    /** A host over the root, loaded with {@code rejected} REJECTED events (taken), then watching. */
    private PluginHost startedWithProblems(int rejected) {
        PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).quietPeriod(QUIET).pollInterval(POLL).build();
        host.addListener(recorder);
        host.load();
        List<PluginEvent> events = recorder.drain();
        assertEquals(rejected, events.stream().filter(e -> e.kind() == PluginEvent.Kind.REJECTED).count(),
                events::toString);
        host.watch();
        return host;
    }

    /** p.alpha {@code n}.0.0, whose name is "v{@code n}", in the staging folder. */
    private Path stagedAlpha(int n) {
        return alpha(n + ".0.0", "v" + n).build(staging.resolve("alpha-" + n + ".jar"));
    }

    /** A host over the root, loaded (its LOADED events checked and taken), then watching. */
    @Test
    void watcherOutlivesAPassThatRunsOutOfMemoryAndTakesTheChangesAfterIt() {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> dataSource("p.beta", "1.0.0").build(staging.resolve("beta.jar")),
                () -> dataSource("p.gamma", "1.0.0").build(staging.resolve("gamma.jar")));
        AtomicBoolean exhausted = new AtomicBoolean();
        try (PluginHost host = watching()) {
            // A real OutOfMemoryError in the watcher's pass: the JVM's own failures pass through the
            // listener guard on purpose, so it ends the pass as an exhausted heap in a reader would.
            host.addListener(event -> {
                if (event.kind() == PluginEvent.Kind.LOADED && exhausted.compareAndSet(false, true)) {
                    long[] impossible = new long[Integer.MAX_VALUE - 8];
                    impossible[0] = 1;
                }
            });
            replaceAtomically(jars.get(1), root.resolve("beta.jar"));
            recorder.next(PluginEvent.Kind.LOADED, "p.beta");
            // the listener after the recorder's gets the event next
            for (int wait = 0; wait < 100 && !exhausted.get(); wait++) {
                pause(Duration.ofMillis(20));
            }
            assertTrue(exhausted.get(), "the pass did not run out of memory");

            replaceAtomically(jars.get(2), root.resolve("gamma.jar"));

            recorder.next(PluginEvent.Kind.LOADED, "p.gamma");
            assertEquals(List.of("p.alpha", "p.beta", "p.gamma"), liveIds(host));
        }
    }

    private PluginHost watching() {
        PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).quietPeriod(QUIET).pollInterval(POLL).build();
        host.addListener(recorder);
        Report loaded = host.load();
        assertEquals(List.of(), loaded.diagnostics());
        List<PluginEvent> events = recorder.drain();
        assertEquals(loaded.plugins().size(), events.size(), events::toString);
        assertTrue(events.stream().allMatch(e -> e.kind() == PluginEvent.Kind.LOADED), events::toString);
        host.watch();
        return host;
    }

    private static void assertInvalidArchive(PluginEvent rejected) {
        assertEquals("alpha.jar", rejected.source());
        assertEquals(1, rejected.diagnostics().size(), rejected::toString);
        assertError(rejected.diagnostics().get(0), DiagnosticCode.INVALID_ARCHIVE, null, "alpha.jar",
                Map.of("file", "alpha.jar"));
    }

    private static void assertStillServing(PluginHost host, ModuleLayer layer) {
        assertTrue(layer == host.layer("p.alpha").orElseThrow(), "the live layer of p.alpha was replaced");
        assertEquals(Optional.of("1.0.0"), host.liveVersion("p.alpha"));
        assertEquals(List.of("v1"), names(host));
    }

    /** lib.tool at {@code version}, whose {@code Tool.describe()} returns {@code text}. */
    private static PluginJar.Builder tool(String version, String text) {
        return PluginJar.builder("lib.tool")
                .version(version)
                .exports("lib.tool")
                .source("lib.tool.Tool", """
                        package lib.tool;
                        public final class Tool {
                            public static String describe() { return "%s"; }
                        }
                        """.formatted(text));
    }

    /**
     * Writes {@code staged} under a hidden name next to {@code target}, where the watcher ignores it, and
     * renames it over {@code target} in one step, as deployment tools do.
     */
    private static void replaceAtomically(Path staged, Path target) {
        Path hidden = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.copy(staged, hidden, StandardCopyOption.REPLACE_EXISTING);
            Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
    }

    /**
     * Overwrites {@code target} in place (same file, truncated first) with {@code bytes}, {@code chunk}
     * bytes at a time with a pause of {@code gap} after each, as a slow copy over a network does; after
     * the chunk that crosses the middle of the file, the pause is {@code stallHalfway} instead (if longer).
     *
     * @return when the last byte was written
     */
    private static Instant writeSlowly(Path target, byte[] bytes, int chunk, Duration gap, Duration stallHalfway) {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Instant last = Instant.now();
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, Math.min(chunk, bytes.length - offset));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                last = Instant.now();
                boolean halfway = offset < bytes.length / 2 && offset + chunk >= bytes.length / 2;
                if (offset + chunk < bytes.length) {
                    pause(halfway && stallHalfway.compareTo(gap) > 0 ? stallHalfway : gap);
                }
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Paces a writer; never used to wait for the host. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.DATA_SOURCE;
import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.liveIds;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reload API without a watcher: {@link PluginHost#reload}, {@link PluginHost#unload},
 * {@link PluginHost#liveVersion}, {@link PluginHost#live()} and the listeners, on real jars in a real
 * root. Every reload here is asked for; the files change only where a test says so.
 */
class ReloadApiTest {

    private static final Duration COLLECTION_BOUND = Duration.ofSeconds(10);

    @TempDir
    Path workspace;

    private Path root;
    private Path staging;

    @BeforeEach
    void createFolders() throws IOException {
        root = Files.createDirectories(workspace.resolve("plugins"));
        staging = Files.createDirectories(workspace.resolve("staging"));
    }

    @Test
    void aPluginThatMovesToAnotherEntryServesFromThereAndStaysWhenItsOldEntryGoes() throws IOException {
        dataSource("p.alpha", "1.0.0").build(root.resolve("a.jar"));
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            // p.alpha moves from a.jar to b.jar, and a.jar now holds another plugin.
            dataSource("p.zeta", "1.0.0").build(staging.resolve("a.jar"));
            Files.move(staging.resolve("a.jar"), root.resolve("a.jar"), StandardCopyOption.REPLACE_EXISTING);
            dataSource("p.alpha", "2.0.0").build(root.resolve("b.jar"));

            assertEquals(List.of(), host.load().diagnostics());
            assertEquals(List.of("p.alpha", "p.zeta"), liveIds(host).stream().sorted().toList());
            assertEquals("b.jar", host.live().stream().filter(p -> p.id().equals("p.alpha")).findFirst()
                    .orElseThrow().source());

            Files.delete(root.resolve("a.jar"));
            host.load();
            assertEquals(List.of("p.alpha"), liveIds(host), "removing a.jar unloads only what a.jar holds now");
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.alpha"));
        }
    }

    @Test
    void reloadBuildsANewLayerOnANewLoaderAndTheOldLoaderCanBeCollected() {
        buildAll(() -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")));
        EventRecorder recorder = new EventRecorder();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            host.addListener(recorder);
            WeakReference<ClassLoader> before = Reachability.loaderOf(host, "p.alpha", "p.alpha");
            Instant asked = Instant.now();

            List<PluginEvent> events = host.reload("p.alpha");

            Instant answered = Instant.now();
            assertEquals(1, events.size(), events::toString);
            PluginEvent reloaded = events.get(0);
            assertAll("event " + reloaded,
                    () -> assertEquals(PluginEvent.Kind.RELOADED, reloaded.kind()),
                    () -> assertEquals(Optional.of("p.alpha"), reloaded.plugin()),
                    () -> assertEquals(Optional.of("1.0.0"), reloaded.version()),
                    () -> assertEquals("alpha.jar", reloaded.source()),
                    () -> assertEquals(List.of(), reloaded.diagnostics()),
                    () -> assertFalse(reloaded.at().isBefore(asked) || reloaded.at().isAfter(answered),
                            () -> reloaded.at() + " not in [" + asked + ", " + answered + "]"));
            assertEquals(List.of(reloaded), recorder.drain(), "the listener gets what reload() returns");
            ClassLoader now = host.layer("p.alpha").orElseThrow().findLoader("p.alpha");
            assertNotSame(before.get(), now, "the reload kept the old class loader");
            assertEquals(List.of("v1"), names(host));

            assertTrue(Reachability.collectUntil(() -> before.refersTo(null), COLLECTION_BOUND),
                    "the replaced layer's class loader is still reachable after the reload");
        }
    }

    @Test
    void reloadTakesTheCurrentFilesAndTheNewVersionServes() throws IOException {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> alpha("2.0.0", "v2").build(staging.resolve("alpha-2.jar")),
                () -> dataSource("p.beta", "1.0.0").build(root.resolve("beta.jar")));
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            assertEquals(Optional.of("1.0.0"), host.liveVersion("p.alpha"));
            ModuleLayer beta = host.layer("p.beta").orElseThrow();
            Files.copy(jars.get(1), root.resolve("alpha.jar"), StandardCopyOption.REPLACE_EXISTING);

            List<PluginEvent> events = host.reload("p.alpha");

            assertEquals(List.of("RELOADED p.alpha 2.0.0"), describe(events));
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.alpha"));
            assertEquals(Map.of("p.alpha", "v2", "p.beta", "p.beta"), namesByPlugin(host));
            assertEquals(List.of(new LivePlugin("p.alpha", Optional.of("2.0.0"), "alpha.jar", List.of(DATA_SOURCE)),
                    new LivePlugin("p.beta", Optional.of("1.0.0"), "beta.jar", List.of(DATA_SOURCE))), host.live());
            assertEquals(List.of(host.apiLayer()), host.layer("p.alpha").orElseThrow().parents());
            assertTrue(beta == host.layer("p.beta").orElseThrow(), "reloading p.alpha rebuilt p.beta");
        }
    }

    @Test
    void rejectedOrFailingNewFilesLeaveTheLiveVersionServing() throws IOException {
        List<Path> jars = buildAll(
                () -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")),
                () -> alpha("2.0.0", "v2").requires("lib.nowhere").build(staging.resolve("needy.jar")),
                () -> dataSource("p.alpha", "3.0.0")
                        .source("p.alpha.Source", dataSourceClass("p.alpha", "\"v3\"",
                                "public Source() { throw new IllegalStateException(\"v3 cannot start\"); }"))
                        .build(staging.resolve("throwing.jar")),
                () -> alpha("4.0.0", "v4").build(staging.resolve("sound.jar")));
        Path live = root.resolve("alpha.jar");
        EventRecorder recorder = new EventRecorder();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            host.addListener(recorder);
            ModuleLayer serving = host.layer("p.alpha").orElseThrow();

            Corruption.truncate(live, 100);
            List<PluginEvent> truncated = host.reload("p.alpha");
            assertEquals(List.of("REJECTED p.alpha"), describe(truncated));
            assertEquals(1, truncated.get(0).diagnostics().size(), truncated::toString);
            assertError(truncated.get(0).diagnostics().get(0), DiagnosticCode.INVALID_ARCHIVE, null, "alpha.jar",
                    Map.of("file", "alpha.jar"));
            assertStillServing(host, serving, "1.0.0", "v1");

            Files.copy(jars.get(1), live, StandardCopyOption.REPLACE_EXISTING);
            List<PluginEvent> missing = host.reload("p.alpha");
            assertEquals(List.of("REJECTED p.alpha 2.0.0"), describe(missing));
            assertEquals(1, missing.get(0).diagnostics().size(), missing::toString);
            assertError(missing.get(0).diagnostics().get(0), DiagnosticCode.MISSING_DEPENDENCY, "p.alpha",
                    "alpha.jar", Map.of("module", "lib.nowhere", "requiredBy", "p.alpha"));
            assertStillServing(host, serving, "1.0.0", "v1");

            Files.copy(jars.get(2), live, StandardCopyOption.REPLACE_EXISTING);
            List<PluginEvent> failed = host.reload("p.alpha");
            assertEquals(List.of("FAILED p.alpha 3.0.0"), describe(failed));
            assertEquals(1, failed.get(0).diagnostics().size(), failed::toString);
            Diagnostic providerFailed = failed.get(0).diagnostics().get(0);
            assertError(providerFailed, DiagnosticCode.PROVIDER_FAILED, "p.alpha", "alpha.jar",
                    Map.of("service", DATA_SOURCE, "provider", "p.alpha.Source"));
            assertTrue(providerFailed.message().contains("v3 cannot start"), providerFailed.message());
            assertStillServing(host, serving, "1.0.0", "v1");

            Files.copy(jars.get(3), live, StandardCopyOption.REPLACE_EXISTING);
            assertEquals(List.of("RELOADED p.alpha 4.0.0"), describe(host.reload("p.alpha")));
            assertEquals(Optional.of("4.0.0"), host.liveVersion("p.alpha"));
            assertEquals(List.of("v4"), names(host));

            assertEquals(List.of("REJECTED p.alpha", "REJECTED p.alpha 2.0.0", "FAILED p.alpha 3.0.0",
                    "RELOADED p.alpha 4.0.0"), describe(recorder.drain()), "no UNLOADED on the way");
        }
    }

    @Test
    void reloadingAPluginReloadsThePluginsThatRequireItOnItsNewLayer() {
        buildCsvAndWarehouse(root);
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            ModuleLayer oldCsv = host.layer("p.csv").orElseThrow();
            ModuleLayer oldWarehouse = host.layer("p.warehouse").orElseThrow();

            List<PluginEvent> events = host.reload("p.csv");

            assertEquals(List.of("RELOADED p.csv 1.1.0", "RELOADED p.warehouse 2.0.0"), describe(events));
            ModuleLayer csv = host.layer("p.csv").orElseThrow();
            ModuleLayer warehouse = host.layer("p.warehouse").orElseThrow();
            assertNotSame(oldCsv, csv);
            assertNotSame(oldWarehouse, warehouse);
            assertEquals(List.of(csv, host.apiLayer()), warehouse.parents());
            assertEquals(Map.of("p.csv", "p.csv", "p.warehouse", "csv:warehouse"), namesByPlugin(host));
        }
    }

    @Test
    void dependentThatFailsOnTheNewParentKeepsServingItsOldVersionOnTheOldParent(@TempDir Path work)
            throws IOException {
        Path csv = csv("1.1.0", "csv").build(root.resolve("csv.jar"));
        List<Path> jars = buildAll(
                () -> dataSource("p.warehouse", "2.0.0")
                        .requires("p.csv")
                        .source("p.warehouse.Source", dataSourceClass("p.warehouse", "label",
                                "private final String label = p.csv.format.Format.describe(\"warehouse\");"))
                        .modulePath(csv)
                        .build(root.resolve("warehouse.jar")),
                // A minor version that dropped the package the warehouse uses when it starts.
                () -> dataSource("p.csv", "1.3.0").build(staging.resolve("csv-1.3.0.jar")));
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).workDirectory(work).build()) {
            host.load();
            ModuleLayer oldCsv = host.layer("p.csv").orElseThrow();
            ModuleLayer oldWarehouse = host.layer("p.warehouse").orElseThrow();
            Files.copy(jars.get(1), csv, StandardCopyOption.REPLACE_EXISTING);

            List<PluginEvent> events = host.reload("p.csv");

            assertEquals(List.of("RELOADED p.csv 1.3.0", "FAILED p.warehouse 2.0.0"), describe(events));
            Diagnostic failed = events.get(1).diagnostics().get(0);
            assertError(failed, DiagnosticCode.PROVIDER_FAILED, "p.warehouse", "warehouse.jar",
                    Map.of("service", DATA_SOURCE, "provider", "p.warehouse.Source"));
            assertTrue(failed.message().contains("p.csv.format.Format"), failed.message());
            assertNotSame(oldCsv, host.layer("p.csv").orElseThrow());
            assertTrue(oldWarehouse == host.layer("p.warehouse").orElseThrow(), "the failed warehouse was replaced");
            assertEquals(List.of(oldCsv, host.apiLayer()), oldWarehouse.parents());
            assertEquals(Map.of("p.csv", "p.csv", "p.warehouse", "csv:warehouse"), namesByPlugin(host));
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.warehouse"));
            // The old p.csv layer still serves the warehouse, so its copy stays until nothing stands on it.
            assertEquals(2, Reachability.filesBelow(work, "csv.jar"::equals));
            oldCsv = null;
            oldWarehouse = null;
            host.unload("p.warehouse");
            assertTrue(Reachability.collectUntil(() -> Reachability.filesBelow(work, "csv.jar"::equals) == 1,
                            Duration.ofSeconds(10)),
                    "the old copy of csv.jar was not deleted once its layers were collected");
        }
    }

    /**
     * The JDK opens a module's jar when the module's first class is loaded, which may be long after the
     * layer was defined: an instance a caller kept from before a reload must still work, so the old copy
     * stays until the old layer is collected.
     */
    @Test
    void instanceKeptFromBeforeAReloadStillLoadsItsPrivateLibrary() {
        Path lazy = root.resolve("lazy");
        // The library first: the plugin compiles against it.
        Path library = PluginJar.builder("lib.lazy").version("1.0.0").exports("lib.lazy")
                .source("lib.lazy.Text", """
                        package lib.lazy;
                        public final class Text {
                            public static String of(String name) { return "lazy " + name; }
                        }
                        """)
                .build(lazy.resolve("lib-lazy.jar"));
        dataSource("p.lazy", "1.0.0").requires("lib.lazy")
                .source("p.lazy.Source", dataSourceClass("p.lazy", "lib.lazy.Text.of(\"kept\")", ""))
                .modulePath(library)
                .build(lazy.resolve("p-lazy.jar"));
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            DataSource kept = host.services(DataSource.class).get(0).service();

            host.reload("p.lazy");
            Reachability.collectUntil(() -> false, Duration.ofMillis(200));

            assertEquals("lazy kept", kept.name());
        }
    }

    /**
     * Every listener gets the events in the order they happened, even when one listener reloads another
     * plugin while handling an event: that reload's events come after the event being handled.
     */
    @Test
    void listenersSeeEventsInOrderWhenAListenerReloads() {
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")),
                () -> dataSource("p.beta", "1.0.0").build(root.resolve("beta.jar")));
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            host.addListener(event -> {
                first.add(event.kind() + " " + event.pluginOrSource());
                if (event.pluginOrSource().equals("p.alpha")) {
                    assertEquals(List.of("RELOADED p.beta 1.0.0"), describe(host.reload("p.beta")));
                }
            });
            host.addListener(event -> second.add(event.kind() + " " + event.pluginOrSource()));

            host.reload("p.alpha");

            assertEquals(List.of("RELOADED p.alpha", "RELOADED p.beta"), first);
            assertEquals(List.of("RELOADED p.alpha", "RELOADED p.beta"), second);
        }
    }

    @Test
    void unloadDropsThePluginAfterThePluginsThatRequireItAndTheirLoadersCanBeCollected() {
        buildCsvAndWarehouse(root);
        buildAll(() -> dataSource("p.beta", "1.0.0").build(root.resolve("beta.jar")));
        EventRecorder recorder = new EventRecorder();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            host.addListener(recorder);
            List<WeakReference<ClassLoader>> loaders = List.of(Reachability.loaderOf(host, "p.csv", "p.csv"),
                    Reachability.loaderOf(host, "p.warehouse", "p.warehouse"));

            List<PluginEvent> events = host.unload("p.csv");

            assertEquals(List.of("UNLOADED p.warehouse 2.0.0", "UNLOADED p.csv 1.1.0"), describe(events));
            assertEquals(List.of("warehouse.jar", "csv.jar"), events.stream().map(PluginEvent::source)
                    .toList());
            assertEquals(events, recorder.drain());
            assertEquals(List.of("p.beta"), liveIds(host));
            assertEquals(Map.of("p.beta", "p.beta"), namesByPlugin(host));
            assertEquals(Optional.empty(), host.liveVersion("p.csv"));
            assertEquals(Optional.empty(), host.layer("p.warehouse"));
            assertTrue(Reachability.collectUntil(() -> Reachability.allCleared(loaders), COLLECTION_BOUND),
                    () -> Reachability.uncleared(loaders) + " of the unloaded plugins' class loaders are reachable");
        }
    }

    @Test
    void unloadedPluginStaysUnloadedUntilItIsReloaded() {
        buildAll(() -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")));
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            assertEquals(List.of("UNLOADED p.alpha 1.0.0"), describe(host.unload("p.alpha")));
            assertEquals(List.of(), host.live());
            assertThrows(NoSuchElementException.class, () -> host.unload("p.alpha"));

            assertEquals(List.of("LOADED p.alpha 1.0.0"), describe(host.reload("p.alpha")));
            assertEquals(List.of("v1"), names(host));
        }
    }

    @Test
    void unknownPluginIdsAreRefused() {
        buildAll(() -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")));
        EventRecorder recorder = new EventRecorder();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            host.addListener(recorder);

            NoSuchElementException reload = assertThrows(NoSuchElementException.class, () -> host.reload("p.nobody"));
            NoSuchElementException unload = assertThrows(NoSuchElementException.class, () -> host.unload("p.nobody"));

            assertTrue(reload.getMessage().contains("p.nobody"), reload.getMessage());
            assertTrue(unload.getMessage().contains("p.nobody"), unload.getMessage());
            // An entry's name is not a plugin id.
            assertThrows(NoSuchElementException.class, () -> host.reload("alpha.jar"));
            assertEquals(List.of(), recorder.drain());
            assertEquals(Optional.empty(), host.liveVersion("p.nobody"));
            assertEquals(List.of("v1"), names(host));
        }
    }

    @Test
    void originalFilesCanBeOverwrittenOrRemovedWhileThePluginServesFromItsCopy() throws IOException {
        Path jar = buildAll(() -> dataSource("p.lazy", "1.0.0")
                .source("p.lazy.Source", """
                        package p.lazy;

                        import java.io.IOException;
                        import java.io.InputStream;
                        import java.io.UncheckedIOException;
                        import java.nio.charset.StandardCharsets;
                        import java.util.List;
                        import java.util.Map;

                        public class Source implements dev.layerhost.api.DataSource {
                            public String name() { return "lazy"; }
                            public List<String> schemes() { return List.of("test"); }
                            public List<Map<String, Object>> read(String location, int limit) {
                                try (InputStream in = Source.class.getResourceAsStream("greeting.txt")) {
                                    return List.of(Map.of("class", Later.describe(location),
                                            "resource", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                        }
                        """)
                .source("p.lazy.Later", """
                        package p.lazy;

                        final class Later {
                            static String describe(String location) { return "later:" + location; }
                        }
                        """)
                .resource("p/lazy/greeting.txt", "hello from the copy")
                .build(root.resolve("lazy.jar"))).get(0);
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();

            // The same file, rewritten: a loader reading the original would now find no zip at all.
            Corruption.overwriteWithText(jar, "not a jar any more");
            assertEquals(List.of(Map.of("class", "later:one", "resource", "hello from the copy")), readLazy(host, "one"));

            Files.delete(jar);
            assertEquals(List.of(Map.of("class", "later:two", "resource", "hello from the copy")), readLazy(host, "two"));
            assertEquals(Optional.of("1.0.0"), host.liveVersion("p.lazy"));
        }
    }

    @Test
    void aFailingListenerDoesNotKeepTheEventFromTheOthers() {
        buildAll(() -> alpha("1.0.0", "v1").build(root.resolve("alpha.jar")));
        EventRecorder recorder = new EventRecorder();
        EventRecorder removed = new EventRecorder();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            host.addListener(event -> {
                throw new IllegalStateException("listener bug");
            });
            host.addListener(recorder);
            host.addListener(removed);
            host.removeListener(removed);

            List<PluginEvent> events = host.reload("p.alpha");

            assertEquals(List.of("RELOADED p.alpha 1.0.0"), describe(events));
            assertEquals(events, recorder.drain());
            assertEquals(List.of(), removed.drain());
            assertEquals(List.of("v1"), names(host));
        }
    }

    private static List<Map<String, Object>> readLazy(PluginHost host, String location) {
        return host.services(DataSource.class).get(0).service().read(location, 10);
    }

    private static void assertStillServing(PluginHost host, ModuleLayer layer, String version, String name) {
        assertTrue(layer == host.layer("p.alpha").orElseThrow(), "the live layer of p.alpha was replaced");
        assertEquals(Optional.of(version), host.liveVersion("p.alpha"));
        assertEquals(List.of(name), names(host));
    }

    /** p.csv 1.1.0, exporting p.csv.format, and p.warehouse 2.0.0, which requires it and uses its class. */
    static void buildCsvAndWarehouse(Path directory) {
        Path csv = csv("1.1.0", "csv").build(directory.resolve("csv.jar"));
        dataSource("p.warehouse", "2.0.0")
                .requires("p.csv")
                .source("p.warehouse.Source",
                        dataSourceClass("p.warehouse", "p.csv.format.Format.describe(\"warehouse\")", ""))
                .modulePath(csv)
                .build(directory.resolve("warehouse.jar"));
    }

    /** p.csv at {@code version}, whose {@code Format.describe(what)} returns {@code prefix + ":" + what}. */
    static PluginJar.Builder csv(String version, String prefix) {
        return dataSource("p.csv", version)
                .exports("p.csv.format")
                .source("p.csv.format.Format", """
                        package p.csv.format;
                        public final class Format {
                            public static String describe(String what) { return "%s:" + what; }
                        }
                        """.formatted(prefix));
    }

    /** p.alpha at {@code version}, whose {@code DataSource.name()} returns {@code name}. */
    static PluginJar.Builder alpha(String version, String name) {
        return dataSource("p.alpha", version)
                .source("p.alpha.Source", dataSourceClass("p.alpha", '"' + name + '"', ""));
    }

    /** Each event as "KIND plugin version", the version left out when the event has none. */
    static List<String> describe(List<PluginEvent> events) {
        return events.stream()
                .map(e -> (e.kind() + " " + e.pluginOrSource() + " " + e.version().orElse("")).strip())
                .toList();
    }

    static List<String> names(PluginHost host) {
        return host.services(DataSource.class).stream().map(s -> s.service().name()).toList();
    }

    static Map<String, String> namesByPlugin(PluginHost host) {
        Map<String, String> names = new TreeMap<>();
        host.services(DataSource.class).forEach(s -> names.put(s.plugin(), s.service().name()));
        return names;
    }
}

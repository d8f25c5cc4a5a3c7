package dev.layerhost.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that each sample entry has the property it is meant to demonstrate, by reading the built
 * descriptors, and that the demo plugins really run in layers of their own.
 */
// One instance for the class, so that the roots are built once and kept in instance fields, not statics.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleRootsTest {

    private Path output;
    private Path api;
    private Path demo;
    private Path broken;
    private Path upgrades;

    /** {@code folder}: a temporary folder for the class, removed after its last test. */
    @BeforeAll
    void buildRoots(@TempDir Path folder) throws IOException {
        output = folder;
        api = Path.of(System.getProperty("layerhost.api.location"));
        Path roots = SampleRoots.build(api, Path.of(System.getProperty("layerhost.samples.sources")), output);
        demo = roots.resolve(DemoRoot.NAME);
        broken = roots.resolve(BrokenRoot.NAME);
        upgrades = roots.resolve(SampleRoots.UPGRADES);
    }

    /** demo.sh drops the upgrade over the demo's own jsonl-export.jar: same entry name, same plugin, newer. */
    @Test
    void upgradesHoldANewerJsonlExporterUnderTheDemoEntryName() throws IOException {
        assertEquals(Map.of("jsonl-export.jar", Set.of("p.jsonl@1.1.0")), modulesByEntry(upgrades));
        assertEquals(Set.of("p.jsonl@1.0.0"), modulesByEntry(demo).get("jsonl-export.jar"));
    }

    /** Entry name to the {@code name@version} of every module in it, like a host's scan. */
    private static Map<String, Set<String>> modulesByEntry(Path root) throws IOException {
        var entries = new TreeMap<String, Set<String>>();
        try (Stream<Path> list = Files.list(root)) {
            for (Path entry : list.toList()) {
                entries.put(entry.getFileName().toString(), ModuleFinder.of(entry).findAll().stream()
                        .map(reference -> reference.descriptor().toNameAndVersion())
                        .collect(Collectors.toSet()));
            }
        }
        return entries;
    }

    private static ModuleDescriptor descriptor(Path jar) {
        return LayerStack.reference(jar).descriptor();
    }

    private static Requires requirement(ModuleDescriptor descriptor, String module) {
        return descriptor.requires().stream().filter(requires -> requires.name().equals(module))
                .findFirst().orElseThrow();
    }

    private static String compiledVersion(Path jar, String module) {
        return requirement(descriptor(jar), module).compiledVersion().orElseThrow().toString();
    }

    @Test
    void demoEntriesHoldTheAdvertisedModules() throws IOException {
        assertEquals(Map.of(
                "csv-source.jar", Set.of("p.csv@1.0.0"),
                "linear-ml", Set.of("p.linear@1.1.0", "lib.matrix@1.0.0"),
                "forest-ml", Set.of("p.forest@2.0.0", "lib.matrix@2.3.0"),
                "jsonl-export.jar", Set.of("p.jsonl@1.0.0"),
                "warehouse.jar", Set.of("p.warehouse@0.9.0")), modulesByEntry(demo));
        assertEquals("1.0.0", compiledVersion(demo.resolve("warehouse.jar"), "p.csv"));
    }

    @Test
    void brokenRootHasOneEntryPerCaseAndTheIgnorableFiles() throws IOException {
        try (Stream<Path> list = Files.list(broken)) {
            assertEquals(Set.of("csv-source.jar", "jsonl-export.jar", "truncated.jar", "not-a-zip.jar",
                    "no-provider.jar", "dup-a.jar", "dup-b", "duplicate-module", "missing-dependency.jar",
                    "split-package", "split-api-package.jar", "base", "conflict-transitive", "conflict-major",
                    "cycle-a.jar", "cycle-b.jar", "on-rejected.jar", "legacy-exporter.jar", "exploding.jar",
                    "README.txt", "empty", ".hidden.jar", "dangling.jar"),
                    list.map(path -> path.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void invalidArchivesCannotBeRead() {
        for (String name : List.of("truncated.jar", "not-a-zip.jar", ".hidden.jar")) {
            Path jar = broken.resolve(name);
            assertThrows(FindException.class, () -> ModuleFinder.of(jar).findAll(), name);
        }
    }

    @Test
    void duplicatesShareOneName() throws IOException {
        Map<String, Set<String>> entries = modulesByEntry(broken.resolve("duplicate-module"));
        assertEquals(Set.of("lib.twice@1.0.0"), entries.get("lib-twice-1.0.0.jar"));
        assertEquals(Set.of("lib.twice@1.1.0"), entries.get("lib-twice-1.1.0.jar"));
        assertEquals("p.dup", descriptor(broken.resolve("dup-a.jar")).name());
        assertEquals("p.dup", descriptor(broken.resolve("dup-b/p-dup-1.1.0.jar")).name());
    }

    @Test
    void noProviderProvidesNothingAndLegacyExporterIsAutomatic() {
        assertEquals(Set.of(), descriptor(broken.resolve("no-provider.jar")).provides());
        ModuleDescriptor legacy = descriptor(broken.resolve("legacy-exporter.jar"));
        assertTrue(legacy.isAutomatic());
        assertEquals("legacy.exporter", legacy.name());
        assertEquals("dev.layerhost.api.Exporter", legacy.provides().iterator().next().service());
    }

    @Test
    void splitPackagesAreInBothModules() {
        assertTrue(descriptor(broken.resolve("split-package/p-split-1.0.0.jar")).packages().contains("shared.util"));
        assertTrue(descriptor(broken.resolve("split-package/lib-split-1.0.0.jar")).packages().contains("shared.util"));
        ModuleDescriptor apiSplit = descriptor(broken.resolve("split-api-package.jar"));
        assertTrue(apiSplit.packages().contains("dev.layerhost.api"));
        assertTrue(descriptor(api).packages().contains("dev.layerhost.api"));
    }

    @Test
    void dependencyEntriesRequireWhatTheyShould() {
        assertEquals(Optional.empty(), findInRoots("lib.absent"));
        assertEquals("p.needy", requirement(descriptor(broken.resolve("on-rejected.jar")), "p.needy").name());
        assertEquals("p.cycb", requirement(descriptor(broken.resolve("cycle-a.jar")), "p.cycb").name());
        assertEquals("p.cyca", requirement(descriptor(broken.resolve("cycle-b.jar")), "p.cyca").name());
    }

    @Test
    void versionConflictsAreSetUpByTheCompiledVersions() {
        Path major = broken.resolve("conflict-major");
        assertEquals("1.4.0", compiledVersion(major.resolve("p-major-1.0.0.jar"), "lib.codec"));
        assertEquals("lib.codec@2.0.0", descriptor(major.resolve("lib-codec-2.0.0.jar")).toNameAndVersion());

        Requires baseOnJson = requirement(descriptor(broken.resolve("base/p-base-1.0.0.jar")), "lib.json");
        assertEquals(Set.of(Requires.Modifier.TRANSITIVE), baseOnJson.modifiers());
        assertEquals("1.0.0", baseOnJson.compiledVersion().orElseThrow().toString());
        Path conflict = broken.resolve("conflict-transitive/p-vc-1.0.0.jar");
        assertEquals("2.0.0", compiledVersion(conflict, "lib.json"));
        assertEquals("1.0.0", compiledVersion(conflict, "p.base"));
    }

    @Test
    void demoPluginsRunInTheirOwnLayers() throws Exception {
        var layers = LayerStack.over(api);

        ModuleLayer linearLayer = layers.plugin(demo.resolve("linear-ml"));
        ModuleLayer forestLayer = layers.plugin(demo.resolve("forest-ml"));
        Object linear = layers.provider(linearLayer, "MlPlatform");
        Object forest = layers.provider(forestLayer, "MlPlatform");
        assertEquals("least squares on lib.matrix 1.0.0", layers.call(linear, "MlPlatform", "engineVersion"));
        assertEquals("32 bagged stumps on lib.matrix 2.3.0", layers.call(forest, "MlPlatform", "engineVersion"));

        // y = 1 + 2a - 3b, exactly: least squares must find it.
        List<double[]> features = List.of(new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1},
                new double[] {2, 3}, new double[] {5, 1});
        double[] labels = features.stream().mapToDouble(x -> 1 + 2 * x[0] - 3 * x[1]).toArray();
        Object model = layers.call(linear, "MlPlatform", "train", features, labels);
        assertEquals(1 + 2 * 10 - 3 * 4, (double) layers.call(model, "Model", "predict", new double[] {10, 4}), 1e-9);
        Object forestModel = layers.call(forest, "MlPlatform", "train", features, labels);
        assertTrue(((String) layers.call(forestModel, "Model", "describe")).startsWith("forest of 32 stumps"));

        ModuleLayer csvLayer = layers.plugin(demo.resolve("csv-source.jar"));
        Object csv = layers.provider(csvLayer, "DataSource");
        @SuppressWarnings("unchecked")
        var cities = (List<Map<String, Object>>) layers.call(csv, "DataSource", "read", "sample:cities", 2);
        assertEquals(List.of("Tokyo", "Washington, D.C."), cities.stream().map(city -> city.get("city")).toList());
        assertEquals(37194000L, cities.get(0).get("population"));

        // Plugin-on-plugin: p.warehouse's layer has p.csv's layer as its parent.
        ModuleLayer warehouseLayer = LayerStack.define(List.of(demo.resolve("warehouse.jar")), List.of(csvLayer));
        Object warehouse = layers.provider(warehouseLayer, "DataSource");
        @SuppressWarnings("unchecked")
        var reorder = (List<Map<String, Object>>) layers.call(warehouse, "DataSource", "read", "warehouse:reorder", 10);
        assertEquals(List.of("A-101", "B-220"), reorder.stream().map(item -> item.get("sku")).toList());

        Object jsonl = layers.provider(layers.plugin(demo.resolve("jsonl-export.jar")), "Exporter");
        assertEquals("{\"bin\":\"R1-S3\",\"item\":\"Washer 8 mm\",\"on_hand\":310,\"reorder_level\":400,\"sku\":\"A-101\"}\n",
                ((String) layers.call(jsonl, "Exporter", "export", reorder)).lines().findFirst().orElseThrow() + "\n");
    }

    @Test
    void brokenRootSoundPluginsRun() throws Exception {
        var layers = LayerStack.over(api);

        Object legacy = layers.provider(layers.plugin(broken.resolve("legacy-exporter.jar")), "Exporter");
        var row = new LinkedHashMap<String, Object>();
        row.put("a", 1);
        row.put("b", "x\ty");
        assertEquals("a\tb\n1\tx y\n", layers.call(legacy, "Exporter", "export", List.of(row)));

        ModuleLayer exploding = layers.plugin(broken.resolve("exploding.jar"));
        var failure = assertThrows(ServiceConfigurationError.class, () -> layers.provider(exploding, "DataSource"));
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("exploding on purpose: no connection string configured", failure.getCause().getMessage());
    }

    private Optional<Path> findInRoots(String module) {
        try (Stream<Path> tree = Files.walk(output.resolve("roots"))) {
            return tree.filter(path -> path.toString().endsWith(".jar") && Files.isRegularFile(path))
                    .filter(path -> !path.getFileName().toString().matches("truncated.jar|not-a-zip.jar|\\.hidden.jar"))
                    .filter(path -> ModuleFinder.of(path).find(module).isPresent())
                    .findFirst();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package dev.layerhost.cli;

import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.PluginJar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugins by category on the command line, on real jars: {@code list --service TYPE}, the categories and
 * metadata of text and JSON rows, and plugins switched off by {@code disabled.txt} or {@code --disable}.
 */
class CatalogOptionsTest {

    private static final String EXPORTER = "dev.layerhost.api.Exporter";

    @TempDir
    Path temp;

    private Path root;

    /**
     * alpha.jar: a data source with metadata; export.jar: an exporter; needy.jar: a data source with a
     * missing dependency.
     */
    @BeforeEach
    void rootOfTwoCategories() throws Exception {
        root = Files.createDirectories(temp.resolve("plugins"));
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> Plugins.dataSource("p.alpha", "1.2.0", "")
                        .manifestAttribute("Plugin-Description", "Alpha rows\u001b[2J for everyone")
                        .manifestAttribute("Implementation-Vendor", "Acme")
                        .manifestAttribute("Bundle-License", "Apache-2.0")
                        .build(root.resolve("alpha.jar"))),
                CompletableFuture.runAsync(() -> PluginJar.builder("p.export")
                        .version("1.0.0")
                        .requires("layerhost.api")
                        .provides(EXPORTER, "p.export.Export")
                        .source("p.export.Export", """
                                package p.export;
                                import java.util.List;
                                import java.util.Map;
                                public final class Export implements dev.layerhost.api.Exporter {
                                    public String format() { return "x"; }
                                    public String export(List<Map<String, Object>> records) { return ""; }
                                }
                                """)
                        .modulePath(Plugins.apiJar())
                        .build(root.resolve("export.jar"))),
                CompletableFuture.runAsync(() -> Plugins.missingDependency(root.resolve("needy.jar"), "p.needy",
                        "1.0.0", "lib.absent"))).join();
    }

    @Test
    void serviceByBinaryNameListsOnlyItsPluginsAndTheirDiagnostics() {
        CliRun run = CliRun.of("list", "--plugins", root, "--service", DataSourcePlugins.SERVICE, "--json");

        assertEquals(1, run.exitCode(), "p.needy's error is among the selection: " + run);
        JsonNode json = Json.object(run);
        assertEquals(List.of("alpha.jar", "needy.jar"), Json.texts(json.get("plugins"), "source"));
        assertEquals(List.of("needy.jar"), Json.texts(json.get("diagnostics"), "source"));
    }

    @Test
    void serviceBySimpleNameSelectsAndItsExitCodeIsThatOfTheSelection() {
        CliRun run = CliRun.of("list", "--plugins", root, "--service", "Exporter");

        assertEquals(0, run.exitCode(), "the selection has no error, whatever the rest of the root has: " + run);
        assertTrue(run.out().contains("export.jar"), run::toString);
        assertFalse(run.out().contains("alpha.jar"), run::toString);
        assertFalse(run.out().contains("needy.jar"), run::toString);
    }

    @Test
    void anUnknownServiceTypeIsAUsageErrorListingTheKnownOnes() {
        CliRun run = CliRun.of("list", "--plugins", root, "--service", "Greeter");

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
        assertEquals("layerhost: unknown service type 'Greeter'; the service types are: dev.layerhost.api.DataSource,"
                + " dev.layerhost.api.Exporter, dev.layerhost.api.MlPlatform, dev.layerhost.api.Model",
                run.err().strip());
    }

    @Test
    void anAmbiguousSimpleNameIsAUsageErrorNamingBothTypes() {
        Path otherApi = PluginJar.builder("acme.api")
                .version("1.0.0")
                .exports("acme.api")
                .source("acme.api.DataSource", "package acme.api; public interface DataSource { }")
                .build(temp.resolve("api/acme-api.jar"));

        CliRun ambiguous = CliRun.of("list", "--plugins", root, "--api", otherApi, "--service", "DataSource");
        CliRun exact = CliRun.of("list", "--plugins", root, "--api", otherApi, "--service", "acme.api.DataSource",
                "--json");

        assertEquals(2, ambiguous.exitCode(), ambiguous::toString);
        assertEquals("layerhost: service type 'DataSource' is ambiguous: acme.api.DataSource,"
                + " dev.layerhost.api.DataSource; name one of them by its binary name", ambiguous.err().strip());
        assertEquals(0, exact.exitCode(), exact::toString);
        assertEquals(List.of(), Json.texts(Json.object(exact).get("plugins"), "source"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "load"})
    void everyJsonPluginHasItsCategoriesAndAllFourMetadataKeys(String verb) {
        CliRun run = CliRun.of(verb, "--plugins", root, "--json");

        JsonNode plugins = Json.object(run).get("plugins");
        JsonNode alpha = Json.find(plugins, "id", "p.alpha");
        assertEquals(List.of("DataSource"), Json.texts(alpha.get("categories")));
        JsonNode metadata = alpha.get("metadata");
        assertEquals("Alpha rows\u001b[2J for everyone", metadata.get("description").asText(), "JSON keeps it exact");
        assertEquals("Acme", metadata.get("vendor").asText());
        assertEquals("Apache-2.0", metadata.get("license").asText());
        assertTrue(metadata.get("homepage").isNull(), run::toString);
        assertTrue(run.out().contains("\\u001B[2J") || run.out().contains("\\u001b[2J"), run::toString);

        JsonNode export = Json.find(plugins, "id", "p.export");
        assertEquals(List.of("Exporter"), Json.texts(export.get("categories")));
        for (JsonNode plugin : plugins) {
            assertEquals(List.of("description", "vendor", "license", "homepage"),
                    iterate(plugin.get("metadata").fieldNames()), plugin::toString);
        }
    }

    @Test
    void textListShowsCategoriesAndDescriptionEscapedAndLongShowsAllMetadata() {
        CliRun run = CliRun.of("list", "--plugins", root);
        CliRun longForm = CliRun.of("list", "--plugins", root, "--long");

        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("PLUGIN", "VERSION", "STATUS", "SOURCE", "CATEGORIES", "DESCRIPTION"),
                List.of(lines.get(0).split(" +")));
        String alpha = lines.stream().filter(line -> line.startsWith("p.alpha ")).findFirst().orElseThrow();
        assertTrue(alpha.contains(" DataSource "), alpha);
        assertTrue(alpha.endsWith("Alpha rows\\x1b[2J for everyone"), alpha);
        assertFalse(run.out().contains("\u001b"), "no control character reaches the terminal");
        assertTrue(longForm.out().contains("\n    vendor: Acme\n    license: Apache-2.0\n"), longForm::toString);
    }

    @Test
    void disabledTxtAndDisableMakeAPluginDisabledInTextAndJson() throws Exception {
        Files.writeString(root.resolve("disabled.txt"), "p.export  # not today\n");

        CliRun json = CliRun.of("list", "--plugins", root, "--json", "--disable", "p.needy");
        CliRun text = CliRun.of("load", "--plugins", root, "--disable", "p.needy");

        assertEquals(0, json.exitCode(), "disabled plugins are no error: " + json);
        JsonNode plugins = Json.object(json).get("plugins");
        assertEquals("DISABLED", Json.find(plugins, "id", "p.export").get("status").asText());
        assertEquals("DISABLED", Json.find(plugins, "id", "p.needy").get("status").asText());
        assertEquals(List.of("Exporter"), Json.texts(Json.find(plugins, "id", "p.export").get("categories")));
        assertEquals(List.of(), Json.texts(Json.object(json).get("diagnostics"), "code"));
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().lines().anyMatch(line -> line.startsWith("p.export ") && line.contains(" DISABLED ")),
                text::toString);
        assertTrue(text.out().lines().anyMatch(line -> line.startsWith("p.alpha ") && line.contains(" LOADED ")),
                text::toString);
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> all = new java.util.ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}

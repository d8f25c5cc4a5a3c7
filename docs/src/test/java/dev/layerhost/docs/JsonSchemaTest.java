package dev.layerhost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerhost.api.DataSource;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginHost;
import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;
import dev.layerhost.pluginbuilder.PluginJar;
import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schemas of {@code docs/schema} hold for the command's real output, over a root with every status
 * and most shapes a plugin row and a diagnostic take; and each schema refuses that output with a field
 * renamed or a value the contract does not have, so it is not vacuous.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The class's own folder: the keys, and the roots its tests build. */
    private Path temp;

    private Path root;
    private Schemas schemas;

    @BeforeAll
    void buildRoot(@TempDir Path classFolder) {
        temp = classFolder;
        schemas = new Schemas(Repository.root().resolve("docs/schema"));
        root = temp.resolve("plugins");
        DataSourcePlugins plugins = DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));
        plugins.plugin("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        plugins.plugin("p.child", "1.1.0").requires("p.alpha").build(root.resolve("child.jar"));
        // a folder entry with a private library that has no version: a module whose version is null
        plugins.plugin("p.beta", "2.0.0").requires("lib.x").build(root.resolve("beta/beta.jar"));
        PluginJar.builder("lib.x").exports("lib.x").emptyClass("lib.x.X").build(root.resolve("beta/lib-x.jar"));
        plugins.plugin("p.boom", "1.0.0", "public Source() { throw new IllegalStateException(\"no config\"); }")
                .build(root.resolve("boom.jar"));
        plugins.plugin("p.needy", "1.0.0").requires("lib.absent").build(root.resolve("needy.jar"));
        plugins.automatic("legacy.Source").build(root.resolve("legacy-tool-3.0.jar"));
        Path broken = plugins.plugin("p.broken", "1.0.0").build(root.resolve("broken.jar"));
        Corruption.truncate(broken, 100);
    }

    @Test
    void listDoctorAndLoadReportsMatchTheReportSchema() throws Exception {
        Set<String> statuses = new HashSet<>();
        for (String verb : List.of("list", "doctor", "load")) {
            Cli.Run run = Cli.run(verb, "--plugins", root.toString(), "--json");
            assertEquals(1, run.exitCode(), run::toString);
            JsonNode report = JSON.readTree(run.out());
            assertEquals(List.of(), schemas.violations("report.schema.json", report), verb + ": " + run.out());
            report.get("plugins").forEach(plugin -> statuses.add(plugin.get("status").asText()));
        }
        assertEquals(Set.of("OK", "REJECTED", "LOADED", "FAILED"), statuses, "the root shows every status but DISABLED");
    }

    /**
     * {@code doctor --candidate}: a candidate that replaces a root entry and breaks a dependent, one that is
     * broken, and a new one: candidate rows, their diagnostics, and a change with a diagnostic.
     */
    @Test
    void whatIfReportMatchesTheReportSchema() throws Exception {
        Path candidates = temp.resolve("candidates");
        DataSourcePlugins plugins = DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));
        plugins.plugin("p.alpha", "2.0.0").build(candidates.resolve("alpha-2.jar"));
        plugins.plugin("p.gamma", "1.0.0").build(candidates.resolve("gamma/gamma.jar"));
        Path broken = plugins.plugin("p.worse", "1.0.0").build(candidates.resolve("worse.jar"));
        Corruption.truncate(broken, 100);
        Path alphaRoot = temp.resolve("what-if-root");
        plugins.plugin("p.alpha", "1.0.0").build(alphaRoot.resolve("alpha.jar"));
        plugins.plugin("p.child", "1.1.0").requires("p.alpha").compiledAgainst("p.alpha", "1.0.0")
                .build(alphaRoot.resolve("child.jar"));

        Cli.Run run = Cli.run("doctor", "--plugins", alphaRoot.toString(), "--json",
                "--candidate", candidates.resolve("alpha-2.jar").toString(),
                "--candidate", candidates.resolve("gamma").toString(),
                "--candidate", broken.toString());

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode report = JSON.readTree(run.out());
        assertEquals(List.of(), schemas.violations("report.schema.json", report), run.out());
        assertEquals(1, report.get("changes").size(), run.out());
        assertFalse(report.get("changes").get(0).get("diagnostics").isEmpty(), run.out());
        ObjectNode candidate = (ObjectNode) report.get("plugins").get(0);
        assertTrue(candidate.get("candidate").asBoolean(), run.out());
        assertInvalid("report.schema.json", report, copy -> firstPlugin(copy).put("candidate", false));
        assertInvalid("report.schema.json", report, copy -> firstPlugin(copy).remove("replaces"));
        // the broken candidate's INVALID_ARCHIVE is marked as a candidate's; the root's diagnostics are not
        int index = -1;
        for (int i = 0; i < report.get("diagnostics").size(); i++) {
            JsonNode diagnostic = report.get("diagnostics").get(i);
            assertEquals(diagnostic.get("source").asText().equals("worse.jar"), diagnostic.has("candidate"), run.out());
            index = diagnostic.has("candidate") ? i : index;
        }
        assertTrue(index >= 0, run.out());
        int marked = index;
        assertInvalid("report.schema.json", report,
                copy -> ((ObjectNode) copy.get("diagnostics").get(marked)).put("candidate", false));
        assertInvalid("report.schema.json", report, copy -> ((ObjectNode) copy.get("changes").get(0)).put("after", "BROKEN"));
        assertInvalid("report.schema.json", report, copy -> ((ObjectNode) copy.get("changes").get(0)).remove("before"));
    }

    @Test
    void graphMatchesTheGraphSchema() throws Exception {
        for (List<String> format : List.of(List.of("--format", "json"), List.of("--json"))) {
            List<String> args = new ArrayList<>(List.of("graph", "--plugins", root.toString()));
            args.addAll(format);
            Cli.Run run = Cli.run(args.toArray(String[]::new));
            JsonNode graph = JSON.readTree(run.out());
            assertEquals(List.of(), schemas.violations("graph.schema.json", graph), run::toString);
            List<String> parents = new ArrayList<>();
            graph.get("layers").forEach(layer -> {
                if (layer.get("plugin").asText().equals("p.child")) {
                    layer.get("parents").forEach(parent -> parents.add(parent.asText()));
                }
            });
            assertEquals(List.of("p.alpha", "api"), parents, run::toString);
        }
    }

    @Test
    void auditLogLinesMatchTheAuditRecordSchema() throws Exception {
        Path signedRoot = temp.resolve("signed");
        SigningKeys keys = SigningKeys.generate(temp.resolve("keys"), Set.of(SigningKey.ACME));
        DataSourcePlugins plugins = DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));
        keys.sign(plugins.plugin("p.signed", "1.0.0").build(signedRoot.resolve("signed.jar")), SigningKey.ACME);
        plugins.plugin("p.plain", "1.0.0").build(signedRoot.resolve("plain.jar"));
        Path log = temp.resolve("audit.jsonl");
        for (Path pluginRoot : List.of(root, signedRoot)) {
            Cli.run("list", "--plugins", pluginRoot.toString(), "--audit-log", log.toString());
            Cli.run("load", "--plugins", pluginRoot.toString(), "--audit-log", log.toString());
        }
        Set<String> events = new HashSet<>();
        boolean signer = false;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode record = JSON.readTree(line);
            assertEquals(List.of(), schemas.violations("audit-record.schema.json", record), line);
            events.add(record.get("event").asText());
            for (JsonNode jar : record.get("jars")) {
                signer |= jar.get("signer").isObject();
            }
        }
        assertEquals(Set.of("DISCOVERED", "REJECTED", "LOADED", "FAILED"), events);
        assertTrue(signer, "a signed jar's record names its signer");
    }

    @Test
    void watchEventLinesMatchTheWatchEventSchema(@TempDir Path watched, @TempDir Path cache) throws Exception {
        DataSourcePlugins plugins = DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));
        Path alpha = plugins.plugin("p.alpha", "1.0.0").build(watched.resolve("alpha.jar"));
        plugins.plugin("p.gone", "1.0.0").build(watched.resolve("gone.jar"));
        List<PluginEvent> events = new ArrayList<>();
        try (PluginHost host = PluginHost.builder().pluginRoot(watched).apiPath(ModuleLocation.of(DataSource.class))
                .cacheDirectory(cache).build()) {
            host.addListener(events::add);
            host.load();
            plugins.plugin("p.alpha", "2.0.0").build(alpha);
            host.reload("p.alpha");
            plugins.plugin("p.alpha", "3.0.0").requires("lib.absent").build(alpha);
            host.reload("p.alpha");
            Files.delete(watched.resolve("gone.jar"));
            host.unload("p.gone");
        }
        Set<String> kinds = new HashSet<>();
        for (PluginEvent event : events) {
            String line = eventLine(event);
            assertFalse(line.contains("\n"), "one line per event");
            assertEquals(List.of(), schemas.violations("watch-event.schema.json", JSON.readTree(line)), line);
            kinds.add(event.kind().name());
        }
        assertEquals(Set.of("LOADED", "RELOADED", "REJECTED", "UNLOADED"), kinds);
    }

    @Test
    void aRenamedFieldOrAnUnknownValueFailsValidation() throws Exception {
        JsonNode report = JSON.readTree(Cli.run("doctor", "--plugins", root.toString(), "--json").out());
        assertEquals(List.of(), schemas.violations("report.schema.json", report));

        assertInvalid("report.schema.json", report, copy -> rename(firstPlugin(copy), "status", "state"));
        assertInvalid("report.schema.json", report, copy -> firstPlugin(copy).put("status", "LOADING"));
        assertInvalid("report.schema.json", report, copy -> firstPlugin(copy).put("services", "dev.layerhost.api.DataSource"));
        assertInvalid("report.schema.json", report, copy -> rename(firstPlugin(copy), "source", "entry"));
        assertInvalid("report.schema.json", report, copy -> firstPlugin(copy).remove("categories"));
        assertInvalid("report.schema.json", report,
                copy -> firstPlugin(copy).putObject("metadata").put("vendor", "Acme"));
        assertInvalid("report.schema.json", report, copy -> rename(firstDiagnostic(copy), "code", "kind"));
        assertInvalid("report.schema.json", report, copy -> firstDiagnostic(copy).put("code", "EVERYTHING_FINE"));
        assertInvalid("report.schema.json", report, copy -> firstDiagnostic(copy).put("severity", "FATAL"));
        assertInvalid("report.schema.json", report, copy -> firstDiagnostic(copy).remove("hint"));
        assertInvalid("report.schema.json", report, copy -> ((ObjectNode) firstDiagnostic(copy).get("details")).put("count", 2));
        assertInvalid("report.schema.json", report, copy -> rename(copy, "diagnostics", "problems"));

        JsonNode graph = JSON.readTree(Cli.run("graph", "--plugins", root.toString(), "--json").out());
        assertInvalid("graph.schema.json", graph, copy -> rename((ObjectNode) copy.get("layers").get(0), "parents", "parent"));
        assertInvalid("graph.schema.json", graph,
                copy -> rename((ObjectNode) copy.get("layers").get(0).get("modules").get(0), "name", "module"));

        JsonNode event = JSON.readTree("{\"event\":\"RELOADED\",\"plugin\":\"p.alpha\",\"version\":\"2.0.0\","
                + "\"previousVersion\":\"1.0.0\",\"source\":\"alpha.jar\",\"diagnostics\":[],\"at\":\"2026-01-01T00:00:00Z\"}");
        assertEquals(List.of(), schemas.violations("watch-event.schema.json", event));
        assertInvalid("watch-event.schema.json", event, copy -> copy.put("event", "RESTARTED"));
        assertInvalid("watch-event.schema.json", event, copy -> copy.put("at", "yesterday"));
        assertInvalid("watch-event.schema.json", event, copy -> rename(copy, "plugin", "id"));
        assertInvalid("watch-event.schema.json", event, copy -> copy.remove("previousVersion"));

        JsonNode audit = JSON.readTree("{\"at\":\"2026-12-02T10:15:30.123Z\",\"event\":\"LOADED\",\"plugin\":\"p.alpha\","
                + "\"version\":\"1.2.0\",\"source\":\"alpha\",\"jars\":[{\"file\":\"alpha/alpha.jar\",\"size\":2567,"
                + "\"sha256\":\"" + "ab".repeat(32) + "\",\"signer\":null}],\"diagnostics\":[]}");
        assertEquals(List.of(), schemas.violations("audit-record.schema.json", audit));
        assertInvalid("audit-record.schema.json", audit,
                copy -> ((ObjectNode) copy.get("jars").get(0)).put("sha256", "not-hex"));
        assertInvalid("audit-record.schema.json", audit, copy -> ((ObjectNode) copy.get("jars").get(0)).remove("signer"));
        assertInvalid("audit-record.schema.json", audit, copy -> copy.put("event", "WATCHED"));
    }

    private void assertInvalid(String schema, JsonNode valid, Consumer<ObjectNode> mutation) {
        ObjectNode copy = valid.deepCopy();
        mutation.accept(copy);
        assertFalse(schemas.violations(schema, copy).isEmpty(), schema + " accepts " + copy);
    }

    private static ObjectNode firstPlugin(ObjectNode report) {
        return (ObjectNode) report.get("plugins").get(0);
    }

    private static ObjectNode firstDiagnostic(ObjectNode report) {
        ArrayNode diagnostics = (ArrayNode) report.get("diagnostics");
        return (ObjectNode) diagnostics.get(0);
    }

    private static ObjectNode rename(ObjectNode node, String from, String to) {
        node.set(to, node.remove(from));
        return node;
    }

    /** What {@code watch --json} prints for {@code event}: the CLI's own renderer (package-private, see {@link Cli}). */
    private static String eventLine(PluginEvent event) throws ReflectiveOperationException {
        Class<?> renderer = Class.forName("dev.layerhost.cli.JsonRenderer");
        Constructor<?> constructor = renderer.getDeclaredConstructor();
        constructor.setAccessible(true);
        Method eventLine = renderer.getDeclaredMethod("eventLine", PluginEvent.class);
        eventLine.setAccessible(true);
        return (String) eventLine.invoke(constructor.newInstance(), event);
    }
}

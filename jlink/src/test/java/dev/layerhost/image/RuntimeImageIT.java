package dev.layerhost.image;

import dev.layerhost.api.DataSource;
import dev.layerhost.image.Launcher.ImageRun;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;
import dev.layerhost.pluginbuilder.PluginJar;
import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The runtime image end to end: {@code jlink/target/image/bin/layerhost} run as a process with no JDK on
 * PATH, over plugin roots built here with the test kit's {@link DataSourcePlugins}. Runs in {@code verify},
 * after {@code package} built the image.
 */
class RuntimeImageIT {

    private static final DataSourcePlugins DATA_SOURCES =
            DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path temp;

    private Launcher layerhost;
    private Path root;

    @BeforeEach
    void launcherAndRoot() throws Exception {
        Path image = Path.of(System.getProperty("layerhost.image", "target/image")).toAbsolutePath();
        layerhost = Launcher.of(image, Files.createDirectories(temp.resolve("scratch")));
        root = Files.createDirectories(temp.resolve("plugins"));
    }

    @AfterEach
    void removeLinks() throws Exception {
        layerhost.close();
    }

    @Test
    void pathHoldsNoJava() {
        assertFalse(Files.exists(layerhost.bin().resolve("java")));
    }

    @Test
    void versionExitsZero() throws Exception {
        ImageRun run = layerhost.run("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("layerhost "), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    /**
     * The image ships the class archive of a training run, and the launcher maps it: with
     * {@code -Xshare:on} the JVM refuses to start if an archive it was given cannot be mapped.
     */
    @Test
    void theLauncherStartsFromTheImagesClassArchive() throws Exception {
        Path image = Path.of(System.getProperty("layerhost.image", "target/image")).toAbsolutePath();
        assertTrue(Files.isRegularFile(image.resolve("lib").resolve("layerhost.jsa")), image::toString);

        ImageRun run = layerhost.runWithOptions("-Xshare:on", "--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("layerhost "), run::toString);
    }

    @Test
    void doctorJsonReportsTheSoundAndTheBrokenPlugin() throws Exception {
        soundAndBrokenPlugin();

        ImageRun run = layerhost.run("doctor", "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = json(run);
        assertEquals("OK", plugin(json, "p.alpha").get("status").asText(), run::toString);
        assertEquals("alpha.jar", plugin(json, "p.alpha").get("source").asText(), run::toString);
        assertEquals("REJECTED", plugin(json, "p.beta").get("status").asText(), run::toString);
        JsonNode diagnostics = json.get("diagnostics");
        assertEquals(1, diagnostics.size(), run::toString);
        assertEquals("MISSING_DEPENDENCY", diagnostics.get(0).get("code").asText(), run::toString);
        assertEquals("p.beta", diagnostics.get(0).get("plugin").asText(), run::toString);
        assertEquals("lib.absent", diagnostics.get(0).get("details").get("module").asText(), run::toString);
    }

    @Test
    void loadLoadsTheSoundPlugin() throws Exception {
        soundAndBrokenPlugin();

        ImageRun run = layerhost.run("load", "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = json(run);
        assertEquals("LOADED", plugin(json, "p.alpha").get("status").asText(), run::toString);
        assertEquals("REJECTED", plugin(json, "p.beta").get("status").asText(), run::toString);
    }

    @Test
    void loadOfASoundRootExitsZeroInText() throws Exception {
        DATA_SOURCES.plugin("p.alpha", "1.2.0").build(root.resolve("alpha.jar"));

        ImageRun run = layerhost.run("load", "--plugins", root);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("p.alpha") && run.out().contains("LOADED"), run::toString);
    }

    @Test
    void pluginRequiringJavaSqlLoads() throws Exception {
        // The field makes load run java.sql code, not only resolve the module.
        DATA_SOURCES.plugin("p.sql", "1.0.0",
                        "    private final int timeout = java.sql.DriverManager.getLoginTimeout();\n")
                .requires("java.sql")
                .build(root.resolve("sql.jar"));

        ImageRun run = layerhost.run("load", "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = json(run);
        assertEquals("LOADED", plugin(json, "p.sql").get("status").asText(), run::toString);
        assertEquals(0, json.get("diagnostics").size(), run::toString);
    }

    @Test
    void whatPluginCodePrintsGoesToStderrSoThatStdoutStaysOneJsonObject() throws Exception {
        DATA_SOURCES.plugin("p.chatty", "1.0.0",
                        "    public Source() { System.out.println(\"hello from p.chatty\"); }\n")
                .build(root.resolve("chatty.jar"));

        ImageRun run = layerhost.run("load", "--plugins", root, "--json");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("LOADED", plugin(json(run), "p.chatty").get("status").asText(), run::toString);
        assertTrue(run.err().contains("hello from p.chatty"), run::toString);
    }

    /**
     * A module descriptor's sets iterate in an order of each JVM's own; which two of four suppliers of one
     * package a diagnostic names must not depend on it. Each run is a new JVM.
     */
    @Test
    void diagnosticsAreTheSameInEveryRun() throws Exception {
        Path multi = root.resolve("multi");
        PluginJar.Builder plugin = DATA_SOURCES.plugin("p.multi", "1.0.0");
        for (String library : List.of("lib.a", "lib.b", "lib.c", "lib.d")) {
            PluginJar.builder(library).version("1.0.0").exports("shared")
                    .emptyClass("shared.From" + library.substring(4).toUpperCase())
                    .build(multi.resolve(library + ".jar"));
            plugin.requires(library);
        }
        plugin.build(multi.resolve("p-multi.jar"));

        ImageRun first = layerhost.run("doctor", "--plugins", root, "--json");
        assertEquals(1, first.exitCode(), first::toString);
        assertTrue(first.out().contains("SPLIT_PACKAGE"), first::toString);
        for (int run = 0; run < 5; run++) {
            assertEquals(first.out(), layerhost.run("doctor", "--plugins", root, "--json").out());
        }
    }

    @Test
    void missingRootExitsTwoWithOneLineOnStderr() throws Exception {
        Path missing = temp.resolve("no-such-root");

        ImageRun run = layerhost.run("list", "--plugins", missing);

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains(missing.toString()), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }

    @Test
    void trustStorePasswordFromTheEnvironmentVariableOpensTheTrustStore() throws Exception {
        SigningKeys keys = SigningKeys.generate(temp.resolve("keys"), EnumSet.of(SigningKey.ACME));
        keys.sign(DATA_SOURCES.plugin("p.alpha", "1.2.0").build(root.resolve("alpha.jar")), SigningKey.ACME);
        Object[] args = {"list", "--plugins", root, "--json", "--signatures", "require",
            "--trust-store", keys.trustStore()};

        ImageRun withPassword = layerhost.runWith(
                Map.of("LAYERHOST_TRUST_STORE_PASSWORD", SigningKeys.PASSWORD), layerhost.launcherCommand(args));
        ImageRun wrongPassword = layerhost.runWith(
                Map.of("LAYERHOST_TRUST_STORE_PASSWORD", "wrong-in-env"), layerhost.launcherCommand(args));

        assertEquals(0, withPassword.exitCode(), withPassword::toString);
        assertEquals("OK", plugin(json(withPassword), "p.alpha").get("status").asText(), withPassword::toString);
        assertEquals(2, wrongPassword.exitCode(), wrongPassword::toString);
        assertEquals(1, wrongPassword.err().lines().count(), wrongPassword::toString);
        assertTrue(wrongPassword.err().contains(keys.trustStore().toString()), wrongPassword::toString);
        assertFalse(wrongPassword.toString().contains("wrong-in-env"), wrongPassword::toString);
    }

    private void soundAndBrokenPlugin() {
        DATA_SOURCES.plugin("p.alpha", "1.2.0").build(root.resolve("alpha.jar"));
        DATA_SOURCES.plugin("p.beta", "0.9.1").requires("lib.absent").build(root.resolve("beta.jar"));
    }

    private static JsonNode json(ImageRun run) {
        try {
            JsonNode node = MAPPER.readTree(run.out());
            assertTrue(node != null && node.isObject(), run::toString);
            return node;
        } catch (Exception e) {
            return fail("stdout is not exactly one JSON object: " + e.getMessage() + "\n" + run);
        }
    }

    private static JsonNode plugin(JsonNode json, String id) {
        List<String> ids = new ArrayList<>();
        for (JsonNode plugin : json.get("plugins")) {
            if (id.equals(plugin.path("id").asText())) {
                return plugin;
            }
            ids.add(plugin.path("id").asText());
        }
        return fail("no plugin " + id + " among " + ids);
    }
}

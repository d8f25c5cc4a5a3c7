package dev.layerhost.image;

import dev.layerhost.api.DataSource;
import dev.layerhost.image.Launcher.ImageRun;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.HostileJars;
import dev.layerhost.pluginbuilder.ModuleInfoClass;
import dev.layerhost.pluginbuilder.ModuleLocation;
import dev.layerhost.pluginbuilder.Shell;
import dev.layerhost.pluginbuilder.ZipTampering;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The image over roots an attacker or an odd system would hand it: archives crafted to exhaust the heap,
 * and file names that the C locale cannot decode. Every verb gives each entry its own verdict, the same
 * in all of them, as JSON, with no stack trace.
 */
class HostileInputIT {

    private static final DataSourcePlugins DATA_SOURCES =
            DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path temp;

    private Launcher layerhost;
    private Path image;
    private Path root;

    @BeforeEach
    void launcherAndRoot() throws Exception {
        image = Path.of(System.getProperty("layerhost.image", "target/image")).toAbsolutePath();
        layerhost = Launcher.of(image, Files.createDirectories(temp.resolve("scratch")));
        root = Files.createDirectories(temp.resolve("plugins"));
    }

    @AfterEach
    void removeLinks() throws Exception {
        layerhost.close();
        Files.deleteIfExists(root.resolve("pagemap.jar"));
    }

    /** With a heap of 128 MB, which each of these archives would exhaust many times over if read naively. */
    @Test
    void archivesCraftedToExhaustTheHeapAreInvalidInEveryVerbAndTheSoundPluginIsNot() throws Exception {
        DATA_SOURCES.plugin("p.sound", "1.0.0").build(root.resolve("sound.jar"));
        HostileJars.descriptorBomb(root.resolve("names.jar"), "p.names");
        HostileJars.serviceLineBomb(root.resolve("line.jar"), DataSource.class.getName(), 256L << 20);
        Files.createSymbolicLink(root.resolve("pagemap.jar"), Path.of("/proc/self/pagemap"));
        Map<String, String> rejected = Map.of("line.jar", "REJECTED", "names.jar", "REJECTED", "pagemap.jar", "REJECTED");

        for (String verb : List.of("list", "doctor", "load")) {
            ImageRun run = layerhost.runWith(Map.of("LAYERHOST_OPTS", "-Xmx128m"),
                    layerhost.launcherCommand(verb, "--plugins", root, "--json"));
            assertEquals(1, run.exitCode(), run::toString);
            assertFalse(run.err().contains("Exception") || run.err().contains("Error"), run::toString);
            JsonNode json = MAPPER.readTree(run.out());
            Map<String, String> expected = new TreeMap<>(rejected);
            expected.put("sound.jar", verb.equals("load") ? "LOADED" : "OK");
            assertEquals(expected, statusesBySource(json), run::toString);
            for (String source : rejected.keySet()) {
                assertEquals("INVALID_ARCHIVE", codesOf(json, source), verb + " " + source + "\n" + run);
            }
        }
        ImageRun graph = layerhost.runWith(Map.of("LAYERHOST_OPTS", "-Xmx128m"),
                layerhost.launcherCommand("graph", "--plugins", root, "--format", "json"));
        assertEquals(1, graph.exitCode(), graph::toString);
        assertEquals("p.sound", MAPPER.readTree(graph.out()).get("layers").get(0).get("plugin").asText(), graph::toString);
    }

    /**
     * {@code café.jar}, {@code \xff.jar} and {@code \xfe.jar} under {@code LANG=C}: through the launcher
     * (which reads file names as UTF-8) and through the image's own {@code java} (the embedding API under
     * an ASCII file name encoding), each is a plugin of its own, the same in list and load.
     */
    @Test
    void namesTheCLocaleCannotDecodeAreDistinctPluginsThatLoadAsTheyList() throws Exception {
        Path staging = Files.createDirectories(temp.resolve("staging"));
        DATA_SOURCES.plugin("p.cafe", "1.0.0").build(staging.resolve("cafe.jar"));
        DATA_SOURCES.plugin("p.ff", "1.0.0").build(staging.resolve("ff.jar"));
        DATA_SOURCES.plugin("p.fe", "1.0.0").build(staging.resolve("fe.jar"));
        Shell.run(root, "cp '" + staging.resolve("cafe.jar") + "' \"$(printf 'caf\\303\\251').jar\""
                + " && cp '" + staging.resolve("ff.jar") + "' \"$(printf '\\377').jar\""
                + " && cp '" + staging.resolve("fe.jar") + "' \"$(printf '\\376').jar\"");
        Map<String, String> cLocale = Map.of("LANG", "C", "LC_ALL", "C");
        List<String> java = List.of(image.resolve("bin/java").toString(), "-m", "layerhost.cli/dev.layerhost.cli.Main");

        for (List<String> program : List.of(layerhost.launcherCommand(), java)) {
            for (String verb : List.of("list", "load")) {
                List<String> command = new ArrayList<>(program);
                command.addAll(List.of(verb, "--plugins", root.toString(), "--json"));
                ImageRun run = layerhost.runWith(cLocale, command);
                assertEquals(0, run.exitCode(), () -> command + "\n" + run);
                String status = verb.equals("load") ? "LOADED" : "OK";
                assertEquals(Map.of("café.jar", status, "\\xff.jar", status, "\\xfe.jar", status),
                        statusesBySource(MAPPER.readTree(run.out())), () -> command + "\n" + run);
            }
        }
    }

    /**
     * The image links the API module into the runtime, yet its version counts as the API's: a plugin
     * compiled against another major of it is VERSION_CONFLICT, as it is for a host on the module path.
     */
    @Test
    void aPluginCompiledAgainstAnotherMajorOfTheImagesApiIsAVersionConflict() throws Exception {
        Path jar = DATA_SOURCES.plugin("p.apiver", "1.0.0").build(root.resolve("apiver.jar"));
        ModuleDescriptor built;
        try (ZipFile in = new ZipFile(jar.toFile())) {
            built = ModuleDescriptor.read(in.getInputStream(in.getEntry("module-info.class")));
        }
        ModuleDescriptor.Builder rewritten = ModuleDescriptor.newModule(built.name()).version(built.version().orElseThrow())
                .packages(built.packages());
        for (ModuleDescriptor.Requires requires : built.requires()) {
            if (requires.name().equals("layerhost.api")) {
                rewritten.requires(requires.modifiers(), requires.name(), ModuleDescriptor.Version.parse("7.0.0"));
            } else {
                rewritten.requires(requires);
            }
        }
        built.provides().forEach(rewritten::provides);
        built.exports().forEach(rewritten::exports);
        ZipTampering.rewrite(jar, entries -> entries.put("module-info.class", ModuleInfoClass.of(rewritten.build())));

        ImageRun run = layerhost.run("doctor", "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("VERSION_CONFLICT", codesOf(MAPPER.readTree(run.out()), "apiver.jar"), run::toString);
    }

    private static Map<String, String> statusesBySource(JsonNode json) {
        Map<String, String> statuses = new TreeMap<>();
        json.get("plugins").forEach(plugin -> statuses.put(plugin.get("source").asText(), plugin.get("status").asText()));
        return statuses;
    }

    private static String codesOf(JsonNode json, String source) {
        List<String> codes = new ArrayList<>();
        json.get("diagnostics").forEach(diagnostic -> {
            if (diagnostic.get("source").asText().equals(source)) {
                codes.add(diagnostic.get("code").asText());
            }
        });
        return String.join(",", codes);
    }

}

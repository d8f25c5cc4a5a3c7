package dev.layerhost.example.pipeline.image;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample host application's runtime image, run as a process over a copy of the plugin root the
 * build assembled: it lists the plugins by category, runs the job with them, and with {@code --watch}
 * runs it again with the new version of a plugin replaced while it runs, then stops cleanly on SIGTERM.
 */
class PipelineImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("pipeline.image", "target/image")).toAbsolutePath();
    private static final Path ROOT = Path.of(System.getProperty("pipeline.root", "../pipeline-plugins/target/root"));
    private static final Path UPDATES = Path.of(System.getProperty("pipeline.updates", "../pipeline-plugins/target/updates"));
    private static final Path DATA = Path.of(System.getProperty("pipeline.data", "../data/houses.csv")).toAbsolutePath();

    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path plugins;
    private Path scratch;

    @BeforeEach
    void copyOfTheRoot() throws IOException {
        plugins = copy(ROOT, temp.resolve("plugins"));
        scratch = Files.createDirectories(temp.resolve("scratch"));
    }

    @Test
    void runsTheJobAgainWithAPluginReplacedWhileItWatchesAndStopsCleanlyOnSigterm() throws Exception {
        Path predictions = scratch.resolve("out").resolve("houses-predictions.json");
        try (PipelineProcess pipeline = PipelineProcess.start(IMAGE, scratch, "--plugins", plugins, "--data", DATA,
                "--out", "out", "--watch", "--quiet-period", 200)) {
            pipeline.await("watching", line -> line.startsWith("watching "), LINE_TIMEOUT);
            List<String> listed = pipeline.lines();
            assertInOrder(listed, pipeline,
                    "data sources:", "  example.source.csv 1.0.0  LOADED  (csv-source)",
                    "models:", "  example.model.ols 1.0.0  LOADED  (ols-model)",
                    "exporters:", "  example.export.json 1.0.0  LOADED  (json-export)",
                    "diagnostics: none",
                    "job 1 (start) used example.source.csv 1.0.0, example.model.ols 1.0.0, example.export.json 1.0.0");
            JsonNode first = JSON.readTree(predictions.toFile());
            assertFalse(first.has("format"), "1.0.0 writes no format field: " + first);
            assertEquals(24, first.path("rows").size());
            assertFits(first);

            // as the README says: the new version under a hidden name, then renamed into place
            Path staged = copy(UPDATES.resolve("json-export"), plugins.resolve(".json-export.new"));
            Files.move(plugins.resolve("json-export"), temp.resolve("json-export-1.0.0"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(staged, plugins.resolve("json-export"), StandardCopyOption.ATOMIC_MOVE);

            String second = pipeline.await("of a job with json-export 2.0.0",
                    line -> line.startsWith("job ") && line.contains("example.export.json 2.0.0"), LINE_TIMEOUT);
            assertTrue(second.endsWith("used example.source.csv 1.0.0, example.model.ols 1.0.0, example.export.json 2.0.0"),
                    second + "\n" + pipeline);
            assertTrue(pipeline.lines().contains("event RELOADED example.export.json 2.0.0 (json-export)"),
                    pipeline.toString());
            pipeline.await("naming the file written", line -> line.startsWith("  exported with json to "), LINE_TIMEOUT);
            JsonNode next = JSON.readTree(predictions.toFile());
            assertEquals(2, next.path("format").asInt(), "2.0.0 writes format 2: " + next);
            assertTrue(next.path("summary").path("meanAbsoluteError").isNumber(), next.toString());

            // files that cannot be read replace it: refused, and the event names the version that keeps serving
            Path unreadable = copy(UPDATES.resolve("json-export"), plugins.resolve(".json-export.unreadable"));
            try (Stream<Path> jars = Files.list(unreadable)) {
                for (Path jar : jars.toList()) {
                    Files.writeString(jar, "not a zip");
                }
            }
            Files.move(plugins.resolve("json-export"), temp.resolve("json-export-2.0.0"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(unreadable, plugins.resolve("json-export"), StandardCopyOption.ATOMIC_MOVE);
            pipeline.await("of the refused files", line -> line.startsWith("event REJECTED example.export.json "), LINE_TIMEOUT);
            pipeline.await("naming the version that keeps serving",
                    line -> line.equals("  example.export.json 2.0.0 keeps serving"), LINE_TIMEOUT);

            pipeline.terminate();
            assertEquals(0, pipeline.awaitExit(EXIT_TIMEOUT).orElseThrow(
                    () -> new AssertionError("still running " + EXIT_TIMEOUT + " after SIGTERM\n" + pipeline)), pipeline.toString());
            List<String> lines = pipeline.lines();
            assertEquals(List.of("stopping: closing the plugin host", "stopped"),
                    lines.subList(lines.size() - 2, lines.size()), pipeline.toString());
            assertFalse(pipeline.toString().contains("AUTOMATIC_MODULE"), pipeline.toString());
            assertFalse(pipeline.stderr().contains("Exception"), pipeline.toString());
        }
    }

    @Test
    void theModelPluginShipsCommonsMathAsANamedModuleMadeAtBuildTime() {
        Path library = plugins.resolve("ols-model").resolve("commons-math3-modular-3.6.1.jar");
        ModuleReference math = ModuleFinder.of(library).findAll().stream().findFirst()
                .orElseThrow(() -> new AssertionError("no module in " + library));
        ModuleDescriptor descriptor = math.descriptor();
        assertEquals("org.apache.commons.math3", descriptor.name());
        assertFalse(descriptor.isAutomatic(), "Moditect added a module-info: " + descriptor);
        assertEquals("3.6.1", descriptor.rawVersion().orElse(""));
        assertTrue(descriptor.exports().stream().anyMatch(e -> e.source().equals("org.apache.commons.math3.stat.regression")));
    }

    @Test
    void withoutWatchRunsTheJobOnceAndExitsZero() throws Exception {
        try (PipelineProcess pipeline = PipelineProcess.start(IMAGE, scratch, "--plugins", plugins, "--data", DATA,
                "--out", "out", "--target", "price")) {
            assertEquals(0, pipeline.awaitExit(Duration.ofMinutes(1)).orElseThrow(), pipeline.toString());
            assertTrue(pipeline.lines().contains(
                    "job 1 (start) used example.source.csv 1.0.0, example.model.ols 1.0.0, example.export.json 1.0.0"),
                    pipeline.toString());
            assertTrue(Files.isRegularFile(scratch.resolve("out").resolve("houses-predictions.json")));
        }
    }

    @Test
    void withoutAModelPluginTheJobIsNotRunAndSaysWhyAndARejectedEntryIsListedWithItsDiagnostic() throws Exception {
        Files.move(plugins.resolve("ols-model"), temp.resolve("ols-model"));
        Files.writeString(plugins.resolve("broken.jar"), "not a zip");
        try (PipelineProcess pipeline = PipelineProcess.start(IMAGE, scratch, "--plugins", plugins, "--data", DATA)) {
            assertEquals(1, pipeline.awaitExit(Duration.ofMinutes(1)).orElseThrow(), pipeline.toString());
            assertInOrder(pipeline.lines(), pipeline,
                    "models: none", "in no category:", "  ? -  REJECTED  (broken.jar)", "diagnostics:");
            assertTrue(pipeline.lines().stream().anyMatch(line -> line.startsWith("  ERROR INVALID_ARCHIVE [- in broken.jar] ")),
                    pipeline.toString());
            assertTrue(pipeline.lines().contains("job 1 (start) not run: no plugin among the models"
                    + " (dev.layerhost.example.pipeline.api.ModelTrainer)"), pipeline.toString());
        }
    }

    @Test
    void namesFromThePluginRootArePrintedWithTheirControlCharactersEscaped() throws Exception {
        // an entry name that would retitle the terminal (OSC 0 ... BEL) and clear it (CSI 2J)
        Files.writeString(plugins.resolve("evil\u001b]0;owned\u0007\u001b[2J.jar"), "not a zip");
        try (PipelineProcess pipeline = PipelineProcess.start(IMAGE, scratch, "--plugins", plugins, "--data", DATA,
                "--out", "out")) {
            assertEquals(0, pipeline.awaitExit(Duration.ofMinutes(1)).orElseThrow(), pipeline.toString());
            assertInOrder(pipeline.lines(), pipeline,
                    "in no category:", "  ? -  REJECTED  (evil\\x1b]0;owned\\x07\\x1b[2J.jar)", "diagnostics:");
            assertTrue(pipeline.lines().stream().anyMatch(
                    line -> line.startsWith("  ERROR INVALID_ARCHIVE [- in evil\\x1b]0;owned\\x07\\x1b[2J.jar] ")),
                    pipeline.toString());
            assertTrue(pipeline.lines().stream().noneMatch(line -> line.chars().anyMatch(Character::isISOControl)),
                    pipeline.toString());
        }
    }

    @Test
    void aMissingPluginRootIsOneLineNamingItAndExitTwo() throws Exception {
        Path missing = temp.resolve("no-such-root");
        try (PipelineProcess pipeline = PipelineProcess.start(IMAGE, scratch, "--plugins", missing, "--data", DATA)) {
            assertEquals(2, pipeline.awaitExit(Duration.ofMinutes(1)).orElseThrow(), pipeline.toString());
            List<String> errors = pipeline.stderr().lines().toList();
            assertEquals(List.of("pipeline: --plugins: no folder at " + missing + " (see --help)"), errors, pipeline.toString());
            assertFalse(pipeline.stderr().contains("Exception"), pipeline.toString());
        }
    }

    /** The predictions come from a real fit: the sample data's noise is about 9, so they are close. */
    private static void assertFits(JsonNode predictions) {
        double total = 0;
        for (JsonNode row : predictions.path("rows")) {
            total += Math.abs(row.path("price").asDouble() - row.path("predicted").asDouble());
        }
        double meanError = total / predictions.path("rows").size();
        assertTrue(meanError > 0 && meanError < 20, "mean absolute error " + meanError + " of " + predictions);
    }

    private static void assertInOrder(List<String> lines, PipelineProcess pipeline, String... expected) {
        int from = 0;
        for (String line : expected) {
            int at = lines.subList(from, lines.size()).indexOf(line);
            assertTrue(at >= 0, "no line '" + line + "' after line " + from + "\n" + pipeline);
            from += at + 1;
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }
}

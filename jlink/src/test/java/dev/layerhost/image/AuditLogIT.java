package dev.layerhost.image;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code layerhost watch --audit-log FILE} of the runtime image, killed with SIGKILL while it writes: a
 * stream of reloads keeps it appending lines until the kill, which must leave every complete line
 * parseable, and a later run ({@code layerhost list --audit-log FILE}) must only append, starting its
 * first line on a line of its own even after a partial last line.
 */
class AuditLogIT {

    private static final DataSourcePlugins DATA_SOURCES =
            DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("at", "event", "plugin", "version", "source", "jars", "diagnostics");
    private static final int PLUGINS = 24;
    /** How many lines the watcher must have written before it is killed: the load's, and many reloads'. */
    private static final int LINES_BEFORE_THE_KILL = 8 * PLUGINS;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private Launcher layerhost;
    private Path scratch;
    private Path root;

    @BeforeEach
    void launcherAndRoot() throws Exception {
        Path image = Path.of(System.getProperty("layerhost.image", "target/image")).toAbsolutePath();
        scratch = Files.createDirectories(temp.resolve("scratch"));
        layerhost = Launcher.of(image, scratch);
        root = Files.createDirectories(temp.resolve("plugins"));
    }

    @AfterEach
    void removeLinks() throws Exception {
        layerhost.close();
    }

    @Test
    void sigkillWhileWatchWritesLeavesEveryEarlierLineWholeAndALaterRunAppendsOnANewLine() throws Exception {
        List<String> modules = IntStream.range(0, PLUGINS).mapToObj(i -> "p.audit%02d".formatted(i)).toList();
        Path one = Files.createDirectories(temp.resolve("v1"));
        Path two = Files.createDirectories(temp.resolve("v2"));
        DATA_SOURCES.batch(modules).version("1.0.0").build(temp.resolve("build-1"), one);
        DATA_SOURCES.batch(modules).version("2.0.0").build(temp.resolve("build-2"), two);
        List<String> jars = modules.stream().map(module -> module + ".jar").toList();
        for (String jar : jars) {
            Files.copy(one.resolve(jar), root.resolve(jar));
        }
        Path log = temp.resolve("audit.jsonl");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> mutatorFailure = new AtomicReference<>();
        // Every jar replaced by its other version, again and again: each watcher pass writes a DISCOVERED
        // and a RELOADED line per jar, so the process keeps appending until it is killed.
        Thread mutator = new Thread(() -> {
            try {
                for (int round = 0; !stop.get(); round++) {
                    Path from = round % 2 == 0 ? two : one;
                    for (String jar : jars) {
                        Path hidden = root.resolve("." + jar + ".tmp");
                        Files.copy(from.resolve(jar), hidden, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(hidden, root.resolve(jar), StandardCopyOption.ATOMIC_MOVE);
                    }
                    Thread.sleep(30);
                }
            } catch (IOException | InterruptedException e) {
                mutatorFailure.set(e);
            }
        }, "audit-it-mutator");

        byte[] before;
        try (WatchProcess watch = WatchProcess.start(layerhost, root, scratch, "--quiet-period", 0,
                "--audit-log", log)) {
            watch.await("LOADED", modules.get(PLUGINS - 1), PATIENCE);
            mutator.start();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (lineEnds(log) < LINES_BEFORE_THE_KILL) {
                if (System.nanoTime() > deadline) {
                    fail("the watcher wrote only " + lineEnds(log) + " lines within " + PATIENCE + "\n" + watch);
                }
                Thread.sleep(20);
            }
            // Killed at a moment of its writing that the test does not choose, but while it writes.
            long sizeBefore = Files.size(log);
            Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
            assertTrue(Files.size(log) > sizeBefore, "the watcher was writing when it was killed");
            assertEquals(137, watch.kill(), "SIGKILL ends the process");
        } finally {
            stop.set(true);
            mutator.join(PATIENCE.toMillis());
        }
        assertEquals(null, mutatorFailure.get());
        before = Files.readAllBytes(log);

        List<JsonNode> complete = completeLines(before);
        assertTrue(complete.size() >= LINES_BEFORE_THE_KILL, () -> complete.size() + " complete lines");
        assertTrue(complete.stream().anyMatch(line -> line.get("event").asText().equals("RELOADED")));
        int partial = before.length - (lastLineEnd(before) + 1);

        // The root stays as the mutator left it; a later run appends its own lines after the killed one's.
        Launcher.ImageRun list = layerhost.run("list", "--plugins", root, "--audit-log", log);
        assertEquals(0, list.exitCode(), list::toString);
        byte[] after = Files.readAllBytes(log);
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "every earlier byte stays as it was");
        int start = before.length;
        if (partial > 0) {
            assertEquals('\n', after[start], "after a partial last line, the next run starts a new line");
            start++;
        }
        List<JsonNode> appended = completeLines(Arrays.copyOfRange(after, start, after.length));
        assertEquals(after.length, lastLineEnd(after) + 1, "the later run's last line is complete");
        assertEquals(jars, appended.stream().map(line -> line.get("source").asText()).toList());
        assertTrue(appended.stream().allMatch(line -> line.get("event").asText().equals("DISCOVERED")));
    }

    /** How many line ends {@code log} holds now (0 while it does not exist). */
    private static long lineEnds(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(log);
        long count = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        return count;
    }

    private static int lastLineEnd(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Every line of {@code bytes} that ends with a line end, each parsed: it must be a whole audit record. */
    private static List<JsonNode> completeLines(byte[] bytes) throws IOException {
        String text = new String(bytes, 0, lastLineEnd(bytes) + 1, StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("a complete line is no JSON: " + line, e);
            }
            assertTrue(record != null && record.isObject(), () -> "not a JSON object: " + line);
            List<String> names = new ArrayList<>();
            record.fieldNames().forEachRemaining(names::add);
            assertEquals(FIELDS, Set.copyOf(names), line);
            lines.add(record);
        }
        return lines;
    }
}

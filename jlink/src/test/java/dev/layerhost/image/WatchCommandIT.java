package dev.layerhost.image;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code layerhost watch --json} of the runtime image, as a process: it loads the root, then follows
 * it — a replaced jar gives {@code RELOADED}, a corrupt replacement {@code REJECTED} (the old version
 * keeps serving), a deleted entry {@code UNLOADED} — one JSON object per line, and exits 0 on SIGTERM
 * and on SIGINT. Waits are bounded waits for lines, never fixed sleeps.
 */
class WatchCommandIT {

    private static final DataSourcePlugins DATA_SOURCES =
            DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));

    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(5);
    private static final int SIGINT = 2;

    @TempDir
    Path temp;

    private Launcher layerhost;
    private Path scratch;
    private Path root;
    private Path staging;

    @BeforeEach
    void launcherAndRoot() throws Exception {
        Path image = Path.of(System.getProperty("layerhost.image", "target/image")).toAbsolutePath();
        scratch = Files.createDirectories(temp.resolve("scratch"));
        layerhost = Launcher.of(image, scratch);
        root = Files.createDirectories(temp.resolve("plugins"));
        staging = Files.createDirectories(temp.resolve("staging"));
    }

    @AfterEach
    void removeLinks() throws Exception {
        layerhost.close();
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void followsTheRootAndExitsZeroOnTheSignal(String signal) throws Exception {
        DATA_SOURCES.plugin("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        DATA_SOURCES.plugin("p.beta", "1.0.0").build(root.resolve("beta.jar"));
        Path alphaTwo = DATA_SOURCES.plugin("p.alpha", "2.0.0").build(staging.resolve("alpha-2.0.0.jar"));
        Path corrupt = Files.copy(alphaTwo, staging.resolve("alpha-corrupt.jar"));
        Corruption.corruptModuleInfo(corrupt);

        try (WatchProcess watch = WatchProcess.start(layerhost, root, scratch, "--quiet-period", 200)) {
            assertEvent(watch.await("LOADED", "p.alpha", LINE_TIMEOUT), "1.0.0", "alpha.jar", watch);
            assertEvent(watch.await("LOADED", "p.beta", LINE_TIMEOUT), "1.0.0", "beta.jar", watch);

            publish(alphaTwo, "alpha.jar");
            JsonNode reloaded = watch.await("RELOADED", "p.alpha", LINE_TIMEOUT);
            assertEvent(reloaded, "2.0.0", "alpha.jar", watch);
            assertEquals("1.0.0", reloaded.get("previousVersion").asText(), watch::toString);
            assertEquals(0, reloaded.get("diagnostics").size(), watch::toString);

            publish(corrupt, "alpha.jar");
            JsonNode rejected = watch.await("REJECTED", "p.alpha", LINE_TIMEOUT);
            assertEquals("alpha.jar", rejected.get("source").asText(), watch::toString);
            assertEquals("2.0.0", rejected.get("previousVersion").asText(), "the version that keeps serving");
            JsonNode diagnostic = rejected.get("diagnostics").get(0);
            assertEquals("INVALID_ARCHIVE", diagnostic.get("code").asText(), watch::toString);
            assertEquals("ERROR", diagnostic.get("severity").asText(), watch::toString);
            assertEquals("alpha.jar", diagnostic.get("details").get("file").asText(), watch::toString);

            Files.delete(root.resolve("beta.jar"));
            assertEvent(watch.await("UNLOADED", "p.beta", LINE_TIMEOUT), "1.0.0", "beta.jar", watch);

            if (signal.equals("TERM")) {
                watch.terminate();
            } else {
                // Even when this test runs with SIGINT ignored (a background job of a shell without job
                // control), which the watch process would inherit: the launcher resets it for watch.
                watch.interrupt();
            }
            Optional<Integer> exitCode = watch.awaitExit(EXIT_TIMEOUT);
            assertEquals(Optional.of(0), exitCode, () -> "exit after SIG" + signal + "\n" + watch);
            assertEquals(List.of("LOADED p.alpha", "LOADED p.beta", "RELOADED p.alpha", "REJECTED p.alpha",
                    "UNLOADED p.beta"), sorted(kindsAndPlugins(watch.events())), watch::toString);
        }
    }

    /**
     * A shell without job control starts background commands with SIGINT ignored, and a JVM cannot catch
     * a signal it started with ignored; the launcher resets it for watch, so SIGINT still ends it.
     */
    @Test
    void sigintEndsWatchEvenWhenTheParentStartedItWithSigintIgnored() throws Exception {
        DATA_SOURCES.plugin("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));

        try (WatchProcess watch = WatchProcess.startIgnoringSigint(layerhost, root, scratch, "--quiet-period", 200)) {
            watch.await("LOADED", "p.alpha", LINE_TIMEOUT);
            assertFalse(watch.ignores(SIGINT), watch::toString);

            watch.interrupt();

            assertEquals(Optional.of(0), watch.awaitExit(EXIT_TIMEOUT), watch::toString);
        }
    }

    /**
     * A provider whose constructor ignores interrupts holds up closing: watch still exits 0 soon after
     * SIGTERM, and still deletes its copies of the plugins' jars.
     */
    @Test
    void signalDuringPluginCodeThatIgnoresInterruptsStillExitsAndLeavesNoCopies() throws Exception {
        Path started = temp.resolve("constructor-started");
        DATA_SOURCES.plugin("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        Path stubborn = DATA_SOURCES.plugin("p.alpha", "2.0.0", """
                    public Source() {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "started");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        long end = System.nanoTime() + 60_000_000_000L;
                        while (System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                    }
                """.formatted(started)).build(staging.resolve("alpha-2.0.0.jar"));
        Path temporary = Files.createDirectories(temp.resolve("tmp"));

        try (WatchProcess watch = WatchProcess.startWithOptions(layerhost, root, scratch,
                "-Djava.io.tmpdir=" + temporary, "--quiet-period", 200)) {
            watch.await("LOADED", "p.alpha", LINE_TIMEOUT);
            publish(stubborn, "alpha.jar");
            awaitFile(started);

            watch.terminate();

            assertEquals(Optional.of(0), watch.awaitExit(EXIT_TIMEOUT), watch::toString);
            try (Stream<Path> left = Files.list(temporary)) {
                assertEquals(List.of(), left.toList(), watch::toString);
            }
        }
    }

    /**
     * Text mode, as a person reads it: a line once the root is followed, a reload with old -> new version,
     * a refused replacement saying which version keeps serving; SIGTERM still ends it with 0.
     */
    @Test
    void textLinesSayWhenTheRootIsFollowedAndWhichVersionServes() throws Exception {
        DATA_SOURCES.plugin("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        Path alphaTwo = DATA_SOURCES.plugin("p.alpha", "2.0.0").build(staging.resolve("alpha-2.0.0.jar"));
        Path corrupt = Files.copy(alphaTwo, staging.resolve("alpha-corrupt.jar"));
        Corruption.corruptModuleInfo(corrupt);
        Path err = Files.createTempFile(scratch, "watch-text-stderr", ".txt");
        Process watch = layerhost.start(err, "watch", "--plugins", root, "--quiet-period", 200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                lines.add("stdout failed: " + e);
            }
        }, "watch-text-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            awaitLine(lines, "watching " + root.toAbsolutePath().normalize() + " (quiet period 200 ms); Ctrl-C to stop",
                    err);
            publish(alphaTwo, "alpha.jar");
            awaitLine(lines, " RELOADED p.alpha 1.0.0 -> 2.0.0 [alpha.jar]", err);
            publish(corrupt, "alpha.jar");
            awaitLine(lines, " REJECTED p.alpha [alpha.jar]: old version 2.0.0 keeps serving", err);

            watch.destroy();
            assertTrue(watch.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "exit after SIGTERM");
            assertEquals(0, watch.exitValue());
        } finally {
            watch.descendants().forEach(ProcessHandle::destroyForcibly);
            watch.destroyForcibly();
        }
    }

    /** Waits for a line ending with {@code ending}; fails with what was read and stderr if none comes in time. */
    private static void awaitLine(BlockingQueue<String> lines, String ending, Path err) throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + LINE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line != null && line.endsWith(ending)) {
                return;
            }
            if (line != null) {
                seen.add(line);
            }
        }
        throw new AssertionError("no line ending with '" + ending + "' within " + LINE_TIMEOUT + "; read " + seen
                + "\n--- stderr ---\n" + Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Waits until {@code file} exists. */
    private static void awaitFile(Path file) throws InterruptedException {
        Instant deadline = Instant.now().plus(LINE_TIMEOUT);
        while (!Files.exists(file)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(file + " did not appear within " + LINE_TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /** Writes {@code jar} to a hidden name in the root, then renames it over {@code name} in one step. */
    private void publish(Path jar, String name) throws Exception {
        Path hidden = root.resolve("." + name + ".tmp");
        Files.copy(jar, hidden, StandardCopyOption.REPLACE_EXISTING);
        Files.move(hidden, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void assertEvent(JsonNode event, String version, String source, WatchProcess watch) {
        // The contract's fields, and previousVersion, which the README adds.
        assertEquals(Set.of("event", "plugin", "version", "previousVersion", "source", "diagnostics", "at"),
                fieldNames(event), watch::toString);
        assertEquals(version, event.get("version").asText(), watch::toString);
        assertEquals(source, event.get("source").asText(), watch::toString);
        assertTrue(event.get("diagnostics").isArray(), watch::toString);
        assertDoesNotThrow(() -> Instant.parse(event.get("at").asText()), watch::toString);
    }

    private static Set<String> fieldNames(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }

    private static List<String> kindsAndPlugins(List<JsonNode> events) {
        return events.stream().map(event -> event.get("event").asText() + " " + event.get("plugin").asText()).toList();
    }

    /** The two initial LOADED lines may come in either order; everything after them in the order it happened. */
    private static List<String> sorted(List<String> lines) {
        List<String> result = new ArrayList<>(lines);
        if (result.size() >= 2) {
            result.subList(0, 2).sort(null);
        }
        return result;
    }
}

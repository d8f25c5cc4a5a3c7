package dev.layerhost.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A running {@code layerhost watch --json}: its stdout read line by line on a thread of its own, each
 * line parsed as one JSON event. Waits are bounded; closing ends the process if it still runs.
 */
final class WatchProcess implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What the reader thread puts last: stdout reached its end. */
    private static final String END = "\u0000end";

    private final Process process;
    private final Path err;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final Thread reader;
    private boolean ended;
    /** Set before {@link Process#destroy()}, which also closes stdout under the reader's feet. */
    private volatile boolean destroyed;

    private WatchProcess(Process process, Path err) {
        this.process = process;
        this.err = err;
        this.reader = new Thread(this::readLines, "layerhost-watch-stdout");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code layerhost watch --plugins root --json args...}; stderr goes to a file in {@code scratch}. */
    static WatchProcess start(Launcher launcher, Path root, Path scratch, Object... args) throws IOException {
        Path err = Files.createTempFile(scratch, "watch-stderr", ".txt");
        return new WatchProcess(launcher.start(err, watchCommand(root, args)), err);
    }

    /** As {@link #start}, with SIGINT ignored when the launcher starts (see {@link Launcher#startIgnoringSigint}). */
    static WatchProcess startIgnoringSigint(Launcher launcher, Path root, Path scratch, Object... args)
            throws IOException {
        Path err = Files.createTempFile(scratch, "watch-stderr", ".txt");
        return new WatchProcess(launcher.startIgnoringSigint(err, watchCommand(root, args)), err);
    }

    /** As {@link #start}, with JVM options (the launcher's {@code LAYERHOST_OPTS}). */
    static WatchProcess startWithOptions(Launcher launcher, Path root, Path scratch, String jvmOptions,
                                         Object... args) throws IOException {
        Path err = Files.createTempFile(scratch, "watch-stderr", ".txt");
        return new WatchProcess(launcher.startWithOptions(err, jvmOptions, watchCommand(root, args)), err);
    }

    private static Object[] watchCommand(Path root, Object... args) {
        List<Object> command = new ArrayList<>(List.of("watch", "--plugins", root, "--json"));
        command.addAll(List.of(args));
        return command.toArray();
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            if (!destroyed) {
                lines.add("stdout failed: " + e);
            }
        } finally {
            lines.add(END);
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * The next event line whose {@code event} is {@code kind} and whose {@code plugin} is {@code plugin},
     * within {@code timeout}; the lines before it are kept for {@link #events()}.
     *
     * @throws AssertionError if none comes in time, stdout ends first, or a line is no JSON object
     */
    JsonNode await(String kind, String plugin, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<JsonNode> event = next(deadline);
            if (event.isEmpty()) {
                throw new AssertionError("no " + kind + " of " + plugin + " within " + timeout + "\n" + this);
            }
            if (kind.equals(event.get().path("event").asText()) && plugin.equals(event.get().path("plugin").asText())) {
                return event.get();
            }
        }
    }

    /**
     * Waits up to {@code timeout} for the process to end, then reads what is left of stdout.
     *
     * @return the exit code, or empty if it still runs
     */
    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (next(deadline).isPresent()) {
            // keep the events printed before the end
        }
        return Optional.of(process.exitValue());
    }

    /** Every event line read so far, in order. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Whether {@code signal} (for example {@code INT}) is ignored by the process, which then cannot catch it. */
    boolean ignores(int signal) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (signal - 1))) != 0;
            }
        }
        return false;
    }

    /**
     * Sends SIGTERM, as {@link Process#destroy()} does on Linux. It also closes the process's stdout: what
     * the process prints from now on is not read.
     */
    void terminate() {
        destroyed = true;
        process.destroy();
    }

    /**
     * Sends SIGKILL, as {@link Process#destroyForcibly()} does on Linux: the process ends at once, whatever
     * it was doing; waits for it to be gone.
     *
     * @return its exit value (137 for a process that SIGKILL ended)
     */
    int kill() throws InterruptedException {
        destroyed = true;
        return process.destroyForcibly().waitFor();
    }

    /** Sends SIGINT with {@code kill -INT pid}. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -INT " + pid() + " failed");
        }
    }

    private Optional<JsonNode> next(long deadline) throws InterruptedException {
        if (ended) {
            return Optional.empty();
        }
        String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
            return Optional.empty();
        }
        if (line.equals(END)) {
            ended = true;
            return Optional.empty();
        }
        JsonNode event;
        try {
            event = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("stdout line is no JSON: " + line + "\n" + this, e);
        }
        if (event == null || !event.isObject()) {
            throw new AssertionError("stdout line is no JSON object: " + line + "\n" + this);
        }
        events.add(event);
        return Optional.of(event);
    }

    @Override
    public void close() {
        // Should the launcher ever run java as a child again, a failed test must not leave that child running.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        String stderr;
        try {
            stderr = Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            stderr = "(cannot read " + err + ": " + e + ")\n";
        }
        StringBuilder text = new StringBuilder("--- events ---\n");
        events.forEach(event -> text.append(event).append('\n'));
        return text.append("--- stderr ---\n").append(stderr).toString();
    }
}

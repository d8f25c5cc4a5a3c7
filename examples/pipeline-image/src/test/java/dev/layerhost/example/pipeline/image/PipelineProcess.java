package dev.layerhost.example.pipeline.image;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The image's {@code bin/pipeline}, run as a real process with an environment that holds only a
 * {@code PATH} of links to the few programs the launcher needs (no JDK) and a cache folder of the test's
 * own. Its stdout is read line by line on a thread of its own; waits are bounded.
 */
final class PipelineProcess implements AutoCloseable {

    /** The programs the launcher script needs from PATH. */
    private static final List<String> TOOLS = List.of("sh", "dirname", "readlink");
    /** What the reader thread puts last: stdout reached its end. */
    private static final String END = "\u0000end";

    private final Process process;
    private final Path bin;
    private final Path err;
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private boolean ended;

    private PipelineProcess(Process process, Path bin, Path err) {
        this.process = process;
        this.bin = bin;
        this.err = err;
        this.reader = new Thread(this::readLines, "pipeline-stdout");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Starts {@code image/bin/pipeline args...} in {@code scratch}, which also gets the PATH folder, the
     * cache folder and the file stderr goes to.
     */
    static PipelineProcess start(Path image, Path scratch, Object... args) throws IOException {
        Path launcher = image.resolve("bin").resolve("pipeline");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher + "; run 'mvn package' first");
        }
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        for (String tool : TOOLS) {
            if (Files.notExists(bin.resolve(tool), LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(bin.resolve(tool), onPath(tool));
            }
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(scratch.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("XDG_CACHE_HOME", scratch.resolve("xdg-cache").toString());
        return new PipelineProcess(builder.start(), bin, err);
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                pending.add(line);
            }
        } catch (IOException e) {
            pending.add("(stdout failed: " + e + ")");
        } finally {
            pending.add(END);
        }
    }

    /**
     * Reads lines until one matches, within {@code timeout}; every line read is kept for {@link #lines()}.
     *
     * @throws AssertionError if none comes in time or stdout ends first
     */
    String await(String what, Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Optional<String> line = next(deadline); line.isPresent(); line = next(deadline)) {
            if (matching.test(line.get())) {
                return line.get();
            }
        }
        throw new AssertionError("no line " + what + " within " + timeout + "\n" + this);
    }

    /**
     * Sends SIGTERM with {@code kill -TERM pid}: {@link Process#destroy()} would send the same signal but
     * also close the process's stdout on this side, and what it prints while it stops would be lost.
     */
    void terminate() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -TERM " + process.pid() + " failed");
        }
    }

    /**
     * Waits up to {@code timeout} for the process to end, then reads the rest of stdout.
     *
     * @return the exit code, or empty if it still runs
     */
    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (next(deadline).isPresent()) {
            // keep what it printed before it ended
        }
        return Optional.of(process.exitValue());
    }

    /** Every stdout line read so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    String stderr() {
        try {
            return Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + err + ": " + e + ")";
        }
    }

    private Optional<String> next(long deadline) throws InterruptedException {
        if (ended) {
            return Optional.empty();
        }
        String line = pending.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
            return Optional.empty();
        }
        if (line.equals(END)) {
            ended = true;
            return Optional.empty();
        }
        lines.add(line);
        return Optional.of(line);
    }

    private static Path onPath(String tool) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin:/bin";
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, tool))) {
                return Path.of(folder, tool).toAbsolutePath();
            }
        }
        throw new IllegalStateException(tool + " is not on PATH");
    }

    /** Ends the process if it still runs, and deletes the links, so that no link leads out of the test's folder. */
    @Override
    public void close() throws IOException {
        // Should the launcher ever run java as a child, a failed test must not leave that child running.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String tool : TOOLS) {
            Files.deleteIfExists(bin.resolve(tool));
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("--- stdout ---\n");
        lines.forEach(line -> text.append(line).append('\n'));
        return text.append("--- stderr ---\n").append(stderr()).toString();
    }
}

package dev.layerhost.image;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The image's {@code bin/layerhost}, run as a real process with an environment that holds nothing but
 * a {@code PATH} of one folder with links to {@code sh} and {@code dirname}: no JDK, no
 * {@code JAVA_HOME}, no {@code JAVA_TOOL_OPTIONS}.
 */
final class Launcher implements AutoCloseable {

    /** The programs the launcher script needs from PATH. */
    private static final List<String> TOOLS = List.of("sh", "dirname");

    private final Path launcher;
    private final Path bin;
    private final Path scratch;

    private Launcher(Path launcher, Path bin, Path scratch) {
        this.launcher = launcher;
        this.bin = bin;
        this.scratch = scratch;
    }

    /**
     * The launcher of the image at {@code image}; links its tools into {@code scratch}/bin.
     *
     * @throws IllegalStateException if the image has no launcher or a tool is not on this JVM's PATH
     */
    static Launcher of(Path image, Path scratch) throws IOException {
        Path launcher = image.resolve("bin").resolve("layerhost");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher + "; run 'mvn package' first");
        }
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        for (String tool : TOOLS) {
            Path found = onPath(tool).orElseThrow(() -> new IllegalStateException(tool + " is not on PATH"));
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        return new Launcher(launcher, bin, scratch);
    }

    /** The PATH the launcher runs with. */
    Path bin() {
        return bin;
    }

    /** Runs {@code layerhost args...} to its end (at most a minute) and returns what it did. */
    ImageRun run(Object... args) throws IOException, InterruptedException {
        List<String> command = command(args);
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        Process process = processBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("layerhost " + command + " did not end within a minute");
        }
        return new ImageRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code layerhost args...} and returns at once: its stdout is the process's input stream, its
     * stderr goes to {@code err}. The caller ends the process.
     */
    Process start(Path err, Object... args) throws IOException {
        return processBuilder(command(args)).redirectError(err.toFile()).start();
    }

    /** As {@link #run}, with JVM options for the launcher's {@code LAYERHOST_OPTS}. */
    ImageRun runWithOptions(String jvmOptions, Object... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        ProcessBuilder builder = processBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("LAYERHOST_OPTS", jvmOptions);
        Process process = builder.start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("layerhost " + List.of(args) + " did not end within a minute");
        }
        return new ImageRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** As {@link #start}, with JVM options for the launcher's {@code LAYERHOST_OPTS}. */
    Process startWithOptions(Path err, String jvmOptions, Object... args) throws IOException {
        ProcessBuilder builder = processBuilder(command(args)).redirectError(err.toFile());
        builder.environment().put("LAYERHOST_OPTS", jvmOptions);
        return builder.start();
    }

    /**
     * As {@link #start}, but with SIGINT ignored when the launcher starts, as a shell without job control
     * starts its background commands ({@code /usr/bin/env --ignore-signal=INT}, then exec).
     */
    Process startIgnoringSigint(Path err, Object... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "--ignore-signal=INT"));
        command.addAll(command(args));
        return processBuilder(command).redirectError(err.toFile()).start();
    }

    /**
     * Runs {@code program args...} (the launcher, or another program of the image such as {@code bin/java})
     * with the launcher's environment plus {@code environment}, to its end (at most two minutes).
     */
    ImageRun runWith(Map<String, String> environment, List<String> programAndArgs) throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        ProcessBuilder builder = processBuilder(programAndArgs).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(programAndArgs + " did not end within two minutes");
        }
        return new ImageRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The command line that runs the launcher with {@code args}. */
    List<String> launcherCommand(Object... args) {
        return command(args);
    }

    private List<String> command(Object... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        return command;
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(scratch.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", bin.toString());
        // the discovery cache of the commands under test, not the user's (~/.cache/layerhost)
        environment.put("XDG_CACHE_HOME", scratch.resolve("xdg-cache").toString());
        return builder;
    }

    /** Deletes the links, so that the test's temporary folder holds no link to outside it. */
    @Override
    public void close() throws IOException {
        for (String tool : TOOLS) {
            Files.deleteIfExists(bin.resolve(tool));
        }
    }

    private static Optional<Path> onPath(String tool) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin:/bin";
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /**
     * One finished run of the launcher.
     *
     * @param exitCode the process's exit value
     * @param out      its stdout
     * @param err      its stderr
     */
    record ImageRun(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }
}

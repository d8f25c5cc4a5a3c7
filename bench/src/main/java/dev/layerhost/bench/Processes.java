package dev.layerhost.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whole processes, started and waited for: the image's {@code layerhost load} against a plain
 * {@code java} program loading the same plugins with PF4J, and {@code layerhost --version} against the
 * image's own {@code java -version}. The runs take turns, so that a busy machine slows both alike.
 */
final class Processes {

    /**
     * @param load        {@code layerhost load --plugins ROOT}
     * @param pf4jProgram {@link Pf4jProgram} on the same plugins as PF4J jars
     * @param version     {@code layerhost --version}
     * @param javaVersion the image's {@code bin/java -version}
     * @param doctorPlugins how many plugins {@code doctor} checks
     * @param doctor      {@code layerhost doctor --plugins ROOT} of the largest root
     */
    record Figures(int plugins, Samples load, Samples pf4jProgram, Samples version, Samples javaVersion,
                   int doctorPlugins, Samples doctor) {
    }

    private final Path image;

    Processes(Path image) {
        this.image = image;
    }

    Figures measure(Path layerhostRoot, Path pf4jRoot, int plugins, Path doctorRoot, int doctorPlugins, int runs) {
        String launcher = image.resolve("bin").resolve("layerhost").toString();
        List<String> load = List.of(launcher, "load", "--plugins", layerhostRoot.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> pf4j = List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", Pf4jProgram.class.getName(), pf4jRoot.toString());
        List<String> version = List.of(launcher, "--version");
        List<String> javaVersion = List.of(image.resolve("bin").resolve("java").toString(), "-version");
        List<String> doctor = List.of(launcher, "doctor", "--plugins", doctorRoot.toString());
        List<List<String>> commands = List.of(load, pf4j, version, javaVersion, doctor);
        List<Samples.Recorder> recorders = new ArrayList<>();
        commands.forEach(command -> recorders.add(new Samples.Recorder()));
        for (int run = 0; run <= runs; run++) {
            for (int i = 0; i < commands.size(); i++) {
                long took = time(commands.get(i));
                if (run > 0) {
                    recorders.get(i).add(took);
                }
            }
        }
        return new Figures(plugins, recorders.get(0).samples(), recorders.get(1).samples(), recorders.get(2).samples(),
                recorders.get(3).samples(), doctorPlugins, recorders.get(4).samples());
    }

    /** Nanoseconds from start to exit; a run that fails fails the benchmark. */
    private static long time(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("still running after 5 minutes: " + command);
            }
            long took = System.nanoTime() - start;
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + " from " + command);
            }
            return took;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}

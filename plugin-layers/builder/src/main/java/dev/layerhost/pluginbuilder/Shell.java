package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code sh -c}: for what Java cannot do itself, such as a file whose name is bytes that are not
 * valid in the JVM's file name encoding ({@code printf '\377'}).
 *
 * <pre>{@code
 * Shell.run(root, "cp '" + jar + "' \"$(printf '\\377').jar\"");   // a jar named by the byte 0xff
 * }</pre>
 */
public final class Shell {

    private Shell() {
    }

    /**
     * Runs {@code command} in {@code directory} to its end (at most 30 seconds).
     *
     * @throws IllegalStateException if it fails or does not end in time; the message holds its output
     */
    public static void run(Path directory, String command) {
        try {
            Process process = new ProcessBuilder("sh", "-c", command).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("sh -c " + command + " did not end within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("sh -c " + command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run sh -c " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running sh -c " + command, e);
        }
    }
}

package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool of the running JDK's {@code bin} folder ({@code keytool}, {@code jarsigner}) as a process
 * of its own, as a plugin's publisher would, in a working folder where relative file names are resolved.
 * The tool's JVM starts with {@code -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC}, which make a short
 * run faster. The tool's input is closed at once; once its output has ended, it has 60 seconds to exit.
 *
 * <pre>{@code
 * JdkTool.run(keyDirectory, "keytool", List.of("-genkeypair", "-alias", "acme", "-keyalg", "EC",
 *         "-keystore", "acme.p12", "-storetype", "PKCS12", "-dname", "CN=Acme", "-storepass", "secret"));
 * JdkTool.run(keyDirectory, "jarsigner", List.of("-keystore", "acme.p12", "-storepass", "secret",
 *         jar.toString(), "acme"));
 * }</pre>
 */
public final class JdkTool {

    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");

    private JdkTool() {
    }

    /**
     * Runs {@code tool} of the running JDK with {@code arguments} in {@code directory}, which is
     * created if missing, and returns what the tool printed (standard output and error together).
     *
     * @throws IllegalStateException if the tool exits with a non-zero status (the message holds the
     *     command and the tool's output), does not exit within 60 seconds of ending its output, or the
     *     thread is interrupted
     * @throws UncheckedIOException if the folder cannot be created or the tool cannot be started
     */
    public static String run(Path directory, String tool, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(JAVA_BIN.resolve(tool).toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(arguments);
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit "
                        + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}

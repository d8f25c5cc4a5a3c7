package dev.layerhost.image;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A finished run of a system tool the tests call ({@code tar}, {@code bash}, {@code man}), within a time
 * limit. Its stdout goes to a file rather than a pipe: reading a pipe to its end would block for as long
 * as the tool runs, so a hung tool would never reach the limit.
 *
 * @param exitCode its exit value
 * @param out      its stdout (and stderr, where the builder merges them)
 */
record ToolRun(int exitCode, String out) {

    /**
     * Runs {@code builder} with stdin from {@code /dev/null} and stdout into {@code outFile}, and waits at
     * most {@code limit} for it to end.
     *
     * @throws IllegalStateException when it did not end in time: then it has been killed (SIGKILL)
     */
    static ToolRun of(ProcessBuilder builder, Path outFile, Duration limit) throws IOException, InterruptedException {
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(outFile.toFile())
                .start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(builder.command() + " did not end within " + limit.toSeconds() + " s");
        }
        return new ToolRun(process.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8));
    }
}

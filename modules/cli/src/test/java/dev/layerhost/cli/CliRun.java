package dev.layerhost.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One run of the {@code layerhost} command through {@link Main#run}, with stdout and stderr captured
 * by injected writers.
 *
 * @param exitCode what {@link Main#run} returned
 * @param out      everything written to stdout
 * @param err      everything written to stderr
 */
record CliRun(int exitCode, String out, String err) {

    /**
     * Runs {@code layerhost args...} with no environment variable set, whatever the test JVM's are;
     * {@link java.nio.file.Path} arguments are passed as strings.
     */
    static CliRun of(Object... args) {
        return withEnvironment(Map.of(), args);
    }

    /** Runs {@code layerhost args...} with exactly the environment variables {@code environment}. */
    static CliRun withEnvironment(Map<String, String> environment, Object... args) {
        String[] arguments = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            arguments[i] = String.valueOf(args[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(arguments, new PrintWriter(out, true), new PrintWriter(err, true),
                Environment.of(environment));
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** The lines of stderr, without empty trailing ones. */
    long errLines() {
        return err.lines().count();
    }

    /** What a failed assertion prints: the exit code and both streams. */
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}

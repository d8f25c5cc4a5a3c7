package dev.layerhost.cli;

import dev.layerhost.core.VisibleText;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import picocli.CommandLine;

/** The entry point of the {@code layerhost} launcher. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The SLF4J binding reads its level once, when the first logger is made: set it before that.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        // Logs and plugin code write to stderr too, with text plugins control: nothing a terminal acts on
        // gets through (TerminalSafeStream).
        PrintStream safeErr = new PrintStream(new TerminalSafeStream(new FileOutputStream(FileDescriptor.err)), true,
                StandardCharsets.UTF_8);
        System.setErr(safeErr);
        PrintWriter err = new PrintWriter(safeErr, true, StandardCharsets.UTF_8);
        // stdout is the command's report (one JSON object under --json): what plugin code prints goes to stderr.
        System.setOut(safeErr);
        System.exit(run(args, out, err, Environment.ofProcess()));
    }

    /**
     * Runs the command line {@code args} in this JVM, as the launcher would, writing to {@code out} and
     * {@code err} and reading the process's environment variables: for tools that run the command in their
     * own JVM (the Maven plugin calls {@code doctor} this way). Unlike {@link #main}, it never calls
     * {@code System.exit} and leaves {@code System.out}, {@code System.err} and the log level alone: they
     * belong to the calling tool, which gets the exit code back instead. Callable from the class path only:
     * the module {@code layerhost.cli} exports no package.
     *
     * <pre>{@code int exitCode = Main.execute(new String[] {"doctor", "--plugins", "plugins"}, out, err);}</pre>
     *
     * @param args the command line, without the program name ({@code "doctor", "--plugins", "DIR"})
     * @param out  where the report goes (the launcher's stdout)
     * @param err  where usage errors and the like go (the launcher's stderr)
     * @return the exit code: 0 no error, 1 an error diagnostic, 2 a usage error, 3 a bug in layerhost
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        return run(args, out, err, Environment.ofProcess());
    }

    /**
     * Runs the command line {@code args}, writing to {@code out} and {@code err}, reading environment
     * variables from {@code environment}.
     *
     * @return the exit code: 0 no error, 1 an error diagnostic, 2 a usage error, 3 a bug in layerhost
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Environment environment) {
        // The version alone needs none of picocli's reflective model of the verbs (a third of a second of
        // class loading and lambda spinning at start-up): it is printed as picocli would print it.
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return ExitCodes.OK;
        }
        CommandLine commandLine = LayerhostCommand.commandLine(args, environment);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            // The message may quote what was typed, a path with a line end or an escape sequence in it.
            err.println("layerhost: " + VisibleText.escape(UsageError.describe(exception)) + " (see 'layerhost --help')");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            err.println("layerhost: internal error: " + VisibleText.escape(exception.toString()));
            return ExitCodes.BUG;
        });
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands only exceptions to the handler above; an Error (a heap exhausted, a stack
            // overflow) is a bug of ours too, and gets the same one line and exit code, not a stack trace
            err.println("layerhost: internal error: " + VisibleText.escape(e.toString()));
            exitCode = ExitCodes.BUG;
        }
        out.flush();
        err.flush();
        return exitCode;
    }
}

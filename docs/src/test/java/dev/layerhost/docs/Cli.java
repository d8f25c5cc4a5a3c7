package dev.layerhost.docs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.Map;

import picocli.CommandLine;

/**
 * The {@code layerhost} command in-process. The CLI module exports nothing and its entry points are
 * package-private; on the class path (one unnamed module) reflection reaches them, as the CLI's own tests
 * call them from inside the package.
 */
final class Cli {

    /** One run: what {@code Main.run} returned, and what it wrote. */
    record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private Cli() {
    }

    /** Runs {@code layerhost args...} with no environment variable set. */
    static Run run(String... args) throws ReflectiveOperationException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Class<?> main = Class.forName("dev.layerhost.cli.Main");
        Class<?> environment = Class.forName("dev.layerhost.cli.Environment");
        Method run = main.getDeclaredMethod("run", String[].class, PrintWriter.class, PrintWriter.class, environment);
        run.setAccessible(true);
        int exitCode = (int) run.invoke(null, args, new PrintWriter(out, true), new PrintWriter(err, true),
                noVariables(environment));
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The command's picocli model with every verb, as {@code layerhost --help} builds it. */
    static CommandLine model() throws ReflectiveOperationException {
        Class<?> command = Class.forName("dev.layerhost.cli.LayerhostCommand");
        Class<?> environment = Class.forName("dev.layerhost.cli.Environment");
        Method commandLine = command.getDeclaredMethod("commandLine", String[].class, environment);
        commandLine.setAccessible(true);
        return (CommandLine) commandLine.invoke(null, new String[0], noVariables(environment));
    }

    private static Object noVariables(Class<?> environment) throws ReflectiveOperationException {
        Method of = environment.getDeclaredMethod("of", Map.class);
        of.setAccessible(true);
        return of.invoke(null, Map.of());
    }
}

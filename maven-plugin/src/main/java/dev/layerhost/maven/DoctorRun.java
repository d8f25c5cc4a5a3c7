package dev.layerhost.maven;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import dev.layerhost.cli.Main;

/**
 * One run of the {@code layerhost} command in this process, with what it printed.
 *
 * @param exitCode the command's exit code: 0 no error, 1 an error diagnostic, 2 a usage error, 3 a bug
 * @param out      what it printed on its standard output
 * @param err      what it printed on its standard error
 */
record DoctorRun(int exitCode, String out, String err) {

    static final int OK = 0;
    static final int ERRORS = 1;
    static final int USAGE = 2;

    /** Runs {@code layerhost} with {@code arguments}, as {@code layerhost doctor} would in a shell. */
    static DoctorRun of(String[] arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            exitCode = Main.execute(arguments, outWriter, errWriter);
        }
        return new DoctorRun(exitCode, out.toString(), err.toString());
    }

    /** The lines of the standard output. */
    List<String> outLines() {
        return out.lines().toList();
    }

    /** The standard error as one line (the command's usage errors are one line). */
    String errLine() {
        return String.join(" ", err.strip().lines().toList());
    }
}

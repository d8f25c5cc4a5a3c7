package dev.layerhost.pluginbuilder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * One JDK tool ({@code javac}, {@code jar}) run in-process. Each {@link #run} is independent, so one
 * instance may be used from several threads.
 */
record Tool(String name, ToolProvider provider) {

    /** Finds a tool of the running JDK; a JRE without it is a broken environment, not a build error. */
    static Tool find(String name) {
        return ToolProvider.findFirst(name)
                .map(provider -> new Tool(name, provider))
                .orElseThrow(() -> new PluginBuildException("The running Java has no '" + name
                        + "' tool (java.home " + System.getProperty("java.home")
                        + "): build plugin jars on a JDK, not a JRE"));
    }

    /**
     * Runs the tool and returns what it printed.
     *
     * @param purpose what the run is for, named in the exception, for example {@code "compile p.alpha"}
     * @throws PluginBuildException if the tool exits with a non-zero status; its message holds the
     *     tool's complete output (for javac: every diagnostic)
     */
    String run(String purpose, List<String> arguments) {
        var output = new StringWriter();
        int status;
        try (var writer = new PrintWriter(output)) {
            status = provider.run(writer, writer, arguments.toArray(String[]::new));
        }
        if (status != 0) {
            throw new PluginBuildException(name + " failed (exit " + status + ") to " + purpose + ":\n"
                    + output.toString().strip() + "\n" + name + " arguments: " + String.join(" ", arguments));
        }
        return output.toString();
    }
}

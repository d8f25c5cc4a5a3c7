package dev.layerhost.pluginbuilder;

/**
 * A plugin jar could not be built: a source does not compile, the {@code jar} tool refused the
 * result, or the JDK lacks a tool. The message holds the tool's complete output, so a failing test
 * shows the javac diagnostics directly, for example:
 * <pre>
 * javac failed (exit 1) to compile module p.alpha:
 * .../p/alpha/AlphaSource.java:1: error: cannot find symbol ...
 * </pre>
 */
public final class PluginBuildException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message says what failed, including any tool output. */
    public PluginBuildException(String message) {
        super(message);
    }

    /** Creates an exception for a failure caused by {@code cause}, for example an I/O error. */
    public PluginBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}

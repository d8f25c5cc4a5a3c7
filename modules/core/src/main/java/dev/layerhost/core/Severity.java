package dev.layerhost.core;

/** How bad a {@link Diagnostic} is: an {@code ERROR} rejects the plugin it names, a {@code WARNING} does not. */
public enum Severity {
    /** The plugin the diagnostic names is rejected: it gets no layer. */
    ERROR,
    /** Worth knowing; the plugin is loaded all the same. */
    WARNING
}

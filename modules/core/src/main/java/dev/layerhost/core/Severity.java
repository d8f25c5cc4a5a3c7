package dev.layerhost.core;

/** How bad a {@link Diagnostic} is: an {@code ERROR} rejects the plugin it names, a {@code WARNING} does not. */
public enum Severity {
    ERROR,
    WARNING
}

package dev.layerhost.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The host cannot start because of its own set-up, not because of a plugin: a plugin root that is
 * missing or unreadable, or an API path that holds no usable modules. The message is one line that
 * names the path.
 */
public final class HostSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /**
     * A set-up problem.
     *
     * @param message one line that names the problem and the path
     * @param path    the path that is wrong
     */
    public HostSetupException(String message, Path path) {
        super(message);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * The path that is wrong.
     *
     * @return the plugin root, API path, trust store or audit log the message names
     */
    public Path path() {
        return path;
    }
}

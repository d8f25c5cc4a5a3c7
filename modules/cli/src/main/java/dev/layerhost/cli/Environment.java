package dev.layerhost.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the command reads: the process's own when it runs, a map of a test's when a
 * test runs it in its own JVM (whose environment a test cannot set).
 */
@FunctionalInterface
interface Environment {

    /** The value of the variable {@code name}; empty if it is not set. */
    Optional<String> variable(String name);

    /** The environment of this process. */
    static Environment ofProcess() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    /** An environment holding exactly {@code variables}. */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return name -> Optional.ofNullable(copy.get(name));
    }
}

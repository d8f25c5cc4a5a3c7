package dev.layerhost.bench;

import org.pf4j.ExtensionPoint;

/**
 * The extension point of the benchmark's PF4J plugins, the counterpart of layerhost's
 * {@code DataSource}: each PF4J plugin has one extension implementing it. PF4J plugins see it through
 * their class loader's parent, the benchmark's class path.
 */
public interface Greeting extends ExtensionPoint {

    /** Whom the plugin greets: its own id. */
    String greet();
}

package dev.layerhost.bench;

import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole-process baseline: a plain {@code java} program that loads and starts the PF4J plugins of a
 * root, gets their extensions and calls each once, prints how many, and exits: what
 * {@code layerhost load} does for the same plugins.
 */
public final class Pf4jProgram {

    private Pf4jProgram() {
    }

    public static void main(String[] args) {
        PluginManager manager = new JarPluginManager(Path.of(args[0]));
        manager.loadPlugins();
        manager.startPlugins();
        List<Greeting> greetings = manager.getExtensions(Greeting.class);
        greetings.forEach(Greeting::greet);
        System.out.println(greetings.size() + " extensions");
        manager.stopPlugins();
    }
}

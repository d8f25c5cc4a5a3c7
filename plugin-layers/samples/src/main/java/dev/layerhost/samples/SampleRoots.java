package dev.layerhost.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Builds the sample plugin roots: {@code <output>/roots/demo} (sound plugins only) and
 * {@code <output>/roots/broken} (one entry per diagnostic code), and {@code <output>/roots/upgrades}
 * ({@code p.jsonl} 1.1.0, to replace the demo's 1.0.0 in a hot reload). Maven runs it in the
 * {@code package} phase through {@code exec:java}:
 * <pre>
 * SampleRoots API_JAR PLUGIN_SOURCES OUTPUT_DIR
 * </pre>
 * Earlier roots are deleted first, so a rebuild never mixes old and new entries.
 */
public final class SampleRoots {

    /** The folder of newer versions of demo plugins, to drop into a copy of the demo root (not a root itself). */
    static final String UPGRADES = "upgrades";

    private SampleRoots() {
    }

    /**
     * Builds the roots.
     *
     * @param args the API jar the plugins compile against, the {@code plugins/} source tree, and the
     *     output directory (usually {@code target})
     * @throws IllegalArgumentException on a wrong number of arguments
     * @throws IOException if a root cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: SampleRoots API_JAR PLUGIN_SOURCES OUTPUT_DIR, not "
                    + args.length + " arguments");
        }
        Path output = Path.of(args[2]);
        long start = System.nanoTime();
        Path roots = build(Path.of(args[0]), Path.of(args[1]), output);
        System.out.printf("Built sample plugin roots %s and %s (and %s) in %d ms%n", roots.resolve(DemoRoot.NAME),
                roots.resolve(BrokenRoot.NAME), roots.resolve(UPGRADES), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Builds both roots under {@code output/roots}, with compile-only jars under
     * {@code output/compile-only}, replacing any earlier ones.
     *
     * @param apiJar the API module: its jar, or its exploded classes directory
     *
     * @return the directory {@code output/roots}
     */
    public static Path build(Path apiJar, Path pluginSources, Path output) throws IOException {
        if (!Files.exists(apiJar)) {
            throw new IllegalArgumentException("API module " + apiJar + " does not exist");
        }
        Path roots = output.resolve("roots");
        Path compileOnly = output.resolve("compile-only");
        deleteTree(roots);
        deleteTree(compileOnly);
        var workspace = new Workspace(apiJar, pluginSources, compileOnly);
        Path demo = roots.resolve(DemoRoot.NAME);
        DemoRoot demoRoot = new DemoRoot(workspace);
        demoRoot.build(demo);
        demoRoot.buildUpgrades(roots.resolve(UPGRADES));
        new BrokenRoot(workspace, demo).build(roots.resolve(BrokenRoot.NAME));
        return roots;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        // Files.walk does not follow links, so the dangling sample link itself is deleted.
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

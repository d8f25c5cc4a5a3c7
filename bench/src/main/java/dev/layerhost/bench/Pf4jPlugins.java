package dev.layerhost.bench;

import dev.layerhost.pluginbuilder.BatchCompiler;
import dev.layerhost.pluginbuilder.JarPacker;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pf4j.Plugin;

/**
 * The same plugins for PF4J: jar {@code pf.benchNNN.jar} whose manifest names plugin {@code pf.benchNNN}
 * 1.0.0 and its {@code Plugin} class, with one {@code @Extension} of {@link Greeting} listed in
 * {@code META-INF/extensions.idx} (written here: PF4J's annotation processor would write one index for
 * all the plugins of the single javac run).
 */
final class Pf4jPlugins {

    static String id(int index) {
        return "pf.bench%03d".formatted(index);
    }

    /** Compiles plugins {@code 0 .. count-1} in one javac run in {@code scratch}; writes {@code root/pf.benchNNN.jar}. */
    void build(int count, Path scratch, Path root) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int index = 0; index < count; index++) {
            String id = id(index);
            String folder = id.replace('.', '/');
            sources.put(folder + "/BenchPlugin.java", """
                    package %s;

                    public final class BenchPlugin extends org.pf4j.Plugin {
                    }
                    """.formatted(id));
            sources.put(folder + "/Greeter.java", """
                    package %s;

                    @org.pf4j.Extension
                    public final class Greeter implements dev.layerhost.bench.Greeting {
                        public String greet() { return "%s"; }
                    }
                    """.formatted(id, id));
        }
        Path classes = scratch.resolve("classes");
        String classPath = ModuleLocation.of(Plugin.class) + File.pathSeparator + ModuleLocation.of(Greeting.class);
        BatchCompiler.compile(scratch.resolve("src"), sources, List.of("-d", classes.toString(), "-cp", classPath));
        for (int index = 0; index < count; index++) {
            String id = id(index);
            Map<String, String> manifest = new LinkedHashMap<>();
            manifest.put("Plugin-Id", id);
            manifest.put("Plugin-Version", "1.0.0");
            manifest.put("Plugin-Class", id + ".BenchPlugin");
            JarPacker.pack(classes, classes.resolve(id.replace('.', '/')), root.resolve(id + ".jar"), manifest,
                    Map.of("META-INF/extensions.idx", id + ".Greeter\n"));
        }
    }
}

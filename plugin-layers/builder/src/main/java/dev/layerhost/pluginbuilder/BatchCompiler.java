package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles many source files in one in-process javac run. {@link PluginJar} runs javac once per jar
 * (about 0.3 s each); for hundreds of plugins one run over all their sources is many times faster.
 * {@link ModuleBatch} uses it for modules; a caller may also compile non-modular code on a class path:
 *
 * <pre>{@code
 * BatchCompiler.compile(work.resolve("src"),
 *         Map.of("pf/one/OnePlugin.java", "package pf.one; public class OnePlugin extends org.pf4j.Plugin {}"),
 *         List.of("-d", work.resolve("classes").toString(), "-cp", pf4jJar.toString()));
 * }</pre>
 */
public final class BatchCompiler {

    private BatchCompiler() {
    }

    /**
     * Writes {@code sources} (a path relative to {@code sourceRoot}, {@code /}-separated, to its text),
     * then runs javac once with {@code options} (which name the output folder and the paths), without
     * warnings or annotation processing, over every written file, in the map's order.
     *
     * @throws PluginBuildException if javac fails; the message holds its complete output
     * @throws UncheckedIOException if a source cannot be written
     */
    public static void compile(Path sourceRoot, Map<String, String> sources, List<String> options) {
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("-nowarn", "-Xlint:none", "-proc:none"));
        try {
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sources to " + sourceRoot, e);
        }
        Tool.find("javac").run("compile " + sources.size() + " sources in " + sourceRoot, arguments);
    }
}

package dev.layerhost.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;

/**
 * Compiles many source files in one in-process javac run. {@code PluginJar} runs javac once per jar
 * (about 0.3 s each): for hundreds of plugins one run of all their sources is many times faster.
 */
final class BatchCompiler {

    private final ToolProvider javac = ToolProvider.findFirst("javac")
            .orElseThrow(() -> new IllegalStateException("no javac: run the benchmark on a JDK, not a JRE"));

    /**
     * Writes {@code sources} (path relative to {@code sourceRoot} to text), then compiles them with
     * {@code options} (which name the output folder and the paths) followed by every written file.
     *
     * @throws IllegalStateException if javac fails; the message holds its output
     */
    void compile(Path sourceRoot, Map<String, String> sources, List<String> options) {
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
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output);
        int status = javac.run(writer, writer, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed (" + status + "):\n" + output);
        }
    }

    /** The jar or classes folder that {@code type} was loaded from, to compile against it. */
    static Path locationOf(Class<?> type) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        if (codeSource == null) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName());
        }
        try {
            return Path.of(codeSource.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}

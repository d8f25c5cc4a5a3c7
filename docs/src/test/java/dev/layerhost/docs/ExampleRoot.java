package dev.layerhost.docs;

import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.PluginJar;
import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds one side ({@code broken} or {@code fixed}) of a diagnostic example of
 * {@code docs/src/examples/diagnostics/<CODE>} into a real plugin root, with the test kit:
 * <ul>
 *   <li>a folder {@code NAME.jar} is a jar entry of the root, built from the module sources inside it
 *   ({@code module-info.java} and classes by package; without a {@code module-info.java}, a non-modular jar
 *   whose {@code META-INF/services} files name its providers);</li>
 *   <li>any other folder is a folder entry; each {@code NAME.jar} folder inside it becomes a jar in it;</li>
 *   <li>{@code example.properties} says what to run ({@code verb}, extra {@code args}, where
 *   {@code ${trustStore}} is the test kit's trust store) and what is done to a jar once built:
 *   {@code sign.ENTRY=ACME|ROGUE}, {@code tamper.ENTRY=ENTRY-NAME} (an entry added after signing),
 *   {@code truncate.ENTRY=BYTES}.</li>
 * </ul>
 * A provider class named by {@code provides dev.layerhost.api.DataSource with C} without a source file is
 * the test kit's standard data source (its {@code name()} the module's name), and an exported package
 * without a class gets an empty one: the examples show what matters, the declarations.
 */
final class ExampleRoot {

    private final Path apiJar;
    private final SigningKeys keys;
    /** Jars built so far, by the content of their sources: many examples share a module, javac runs once for it. */
    private final Map<String, Path> built = new HashMap<>();

    private final Path workspace;

    /** Examples compiled against {@code apiJar}, signed with {@code keys}; built jars are kept in {@code workspace}. */
    ExampleRoot(Path apiJar, SigningKeys keys, Path workspace) {
        this.apiJar = apiJar;
        this.keys = keys;
        this.workspace = workspace;
    }

    /** How to check a built side: the verb and the options beyond {@code --plugins ROOT --json}. */
    record Check(String verb, List<String> args) {

        Check {
            args = List.copyOf(args);
        }
    }

    /**
     * Builds {@code side} into {@code root} and returns how to check it.
     *
     * @throws UncheckedIOException if the example cannot be read or the root written
     */
    Check build(Path side, Path root) {
        try {
            Files.createDirectories(root);
            for (Path entry : children(side)) {
                if (!Files.isDirectory(entry)) {
                    continue;
                }
                String name = entry.getFileName().toString();
                if (name.endsWith(".jar")) {
                    jar(entry, root.resolve(name));
                } else {
                    for (Path library : children(entry)) {
                        jar(library, root.resolve(name).resolve(library.getFileName().toString()));
                    }
                }
            }
            Properties properties = new Properties();
            Path file = side.resolve("example.properties");
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                String value = properties.getProperty(key);
                if (key.startsWith("truncate.")) {
                    Corruption.truncate(root.resolve(key.substring("truncate.".length())), Integer.parseInt(value));
                }
            }
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                if (key.startsWith("sign.")) {
                    keys.sign(root.resolve(key.substring("sign.".length())), SigningKey.valueOf(properties.getProperty(key)));
                }
            }
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                if (key.startsWith("tamper.")) {
                    Corruption.addEntry(root.resolve(key.substring("tamper.".length())), properties.getProperty(key),
                            "added after signing");
                }
            }
            String args = properties.getProperty("args", "").replace("${trustStore}", keys.trustStore().toString())
                    .replace("${trustStorePassword}", SigningKeys.PASSWORD);
            return new Check(properties.getProperty("verb", "doctor"),
                    args.isBlank() ? List.of() : List.of(args.strip().split("\\s+")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the example " + side, e);
        }
    }

    private void jar(Path sources, Path target) throws IOException {
        List<Path> files = files(sources);
        String key = contentKey(sources, files);
        Path earlier = built.get(key);
        if (earlier != null && Files.exists(earlier)) {
            Files.createDirectories(target.getParent());
            Files.copy(earlier, target);
            return;
        }
        compile(sources, files, target);
        Files.createDirectories(workspace);
        built.put(key, Files.copy(target, workspace.resolve(key + ".jar")));
    }

    /** The jar's file name (an automatic module's name comes from it) and every source file's path and bytes. */
    private static String contentKey(Path sources, List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(sources.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            for (Path file : files) {
                digest.update(sources.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void compile(Path sources, List<Path> files, Path target) throws IOException {
        Path moduleInfo = sources.resolve("module-info.java");
        PluginJar.Builder jar;
        Set<String> packages = new TreeSet<>();
        if (Files.exists(moduleInfo)) {
            ModuleDeclaration module = ModuleDeclaration.parse(moduleInfo.toString(),
                    Files.readString(moduleInfo, StandardCharsets.UTF_8));
            jar = PluginJar.builder(module.name());
            module.version().ifPresent(jar::version);
            module.compiledAgainst().forEach(jar::compiledAgainst);
            module.requires().forEach((name, modifiers) -> {
                if (modifiers.contains("transitive")) {
                    jar.requiresTransitive(name);
                } else if (modifiers.contains("static")) {
                    jar.requiresStatic(name);
                } else {
                    jar.requires(name);
                }
            });
            for (String export : module.exports()) {
                String[] parts = export.split(" to ");
                if (parts.length == 2) {
                    jar.exportsTo(parts[0], parts[1].replace(" ", "").split(","));
                } else {
                    jar.exports(export);
                }
                packages.add(parts[0]);
            }
            module.opens().forEach(jar::opens);
            module.uses().forEach(jar::uses);
            module.provides().forEach((service, implementations) ->
                    implementations.forEach(implementation -> jar.provides(service, implementation)));
            addMissingProviders(jar, module.provides(), module.name(), files, sources);
        } else {
            jar = PluginJar.builder(sources.getFileName().toString()).automatic();
            for (Path file : files) {
                String path = sources.relativize(file).toString();
                if (path.startsWith("META-INF/services/")) {
                    String service = file.getFileName().toString();
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        // as ServiceLoader reads the file: '#' starts a comment
                        String implementation = line.replaceAll("#.*", "").strip();
                        if (!implementation.isEmpty()) {
                            jar.provides(service, implementation);
                            addMissingProviders(jar, Map.of(service, List.of(implementation)),
                                    sources.getFileName().toString(), files, sources);
                        }
                    }
                }
            }
        }
        for (Path file : files) {
            String path = sources.relativize(file).toString();
            if (path.endsWith(".java") && !path.equals("module-info.java")) {
                String binaryName = path.substring(0, path.length() - ".java".length()).replace('/', '.');
                jar.source(binaryName, Files.readString(file, StandardCharsets.UTF_8));
                packages.remove(binaryName.substring(0, binaryName.lastIndexOf('.')));
            } else if (!path.endsWith(".java") && !path.startsWith("META-INF/services/")) {
                jar.resource(path, Files.readAllBytes(file));
            }
        }
        packages.forEach(pkg -> jar.emptyClass(pkg + ".Marker"));
        jar.modulePath(apiJar).build(target);
    }

    private static void addMissingProviders(PluginJar.Builder jar, Map<String, List<String>> provides,
                                            String label, List<Path> files, Path sources) {
        provides.forEach((service, implementations) -> {
            for (String implementation : implementations) {
                Path source = sources.resolve(implementation.replace('.', '/') + ".java");
                if (files.contains(source)) {
                    continue;
                }
                if (!service.equals(DataSourcePlugins.SERVICE)) {
                    throw new IllegalArgumentException(sources + ": write " + implementation + ", a " + service);
                }
                jar.source(implementation, DataSourcePlugins.sourceOf(implementation, "\"" + label + "\"", ""));
            }
        });
    }

    private static List<Path> children(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.sorted().toList();
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> tree = Files.walk(directory)) {
            return new ArrayList<>(tree.filter(Files::isRegularFile).sorted().toList());
        }
    }
}

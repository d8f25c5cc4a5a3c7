package dev.layerhost.pluginbuilder;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Turns one {@link JarSpec} into a jar: writes the sources into a scratch directory, compiles them
 * (against stubs where needed), packs the classes with the {@code jar} tool and moves the result into
 * place. The scratch directory is deleted whatever happens.
 */
final class JarBuild {

    private final JarSpec spec;
    private final Tool javac;
    private final Tool jar;

    JarBuild(JarSpec spec) {
        this.spec = spec;
        this.javac = Tool.find("javac");
        this.jar = Tool.find("jar");
    }

    /** Builds the jar and atomically replaces {@code target} with it; returns {@code target}. */
    Path writeTo(Path target) {
        try (var scratch = ScratchDirectory.create(spec.scratchParent())) {
            Path sources = scratch.path().resolve("src");
            Path classes = scratch.path().resolve("classes");
            Files.createDirectories(sources);
            Files.createDirectories(classes);
            List<Path> sourceFiles = writeSources(sources);
            compile(sourceFiles, classes, scratch.path());
            if (spec.automatic()) {
                writeServiceFiles(classes);
            }
            writeResources(classes);
            Path packed = pack(classes, scratch.path());
            moveIntoPlace(packed, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build plugin jar " + target + " of " + spec.moduleName(), e);
        }
    }

    private List<Path> writeSources(Path sources) throws IOException {
        var files = new ArrayList<Path>();
        if (!spec.automatic()) {
            Path moduleInfo = sources.resolve("module-info.java");
            Files.writeString(moduleInfo, spec.moduleInfoSource());
            files.add(moduleInfo);
        }
        for (Map.Entry<String, String> source : spec.sources().entrySet()) {
            Path file = sources.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file);
        }
        files.sort(null);
        return files;
    }

    private void compile(List<Path> sourceFiles, Path classes, Path scratch) throws IOException {
        if (sourceFiles.isEmpty()) {
            return;
        }
        var modulePath = new ArrayList<>(spec.modulePath());
        var arguments = new ArrayList<>(List.of(
                "-d", classes.toString(), "-encoding", "UTF-8", "-nowarn", "-Xlint:none"));
        if (spec.automatic()) {
            // Code of a jar without module-info lives in the unnamed module, which reads every module.
            if (!modulePath.isEmpty()) {
                arguments.addAll(List.of("--add-modules", "ALL-MODULE-PATH"));
            }
        } else {
            new StubModules(javac).compile(spec, scratch).ifPresent(modulePath::add);
            spec.version().ifPresent(version -> arguments.addAll(List.of("--module-version", version)));
        }
        if (!modulePath.isEmpty()) {
            arguments.addAll(List.of("--module-path", join(modulePath)));
        }
        sourceFiles.forEach(file -> arguments.add(file.toString()));
        javac.run("compile module " + spec.moduleName(), arguments);
    }

    private void writeServiceFiles(Path classes) throws IOException {
        for (Map.Entry<String, List<String>> service : spec.provides().entrySet()) {
            Path file = classes.resolve("META-INF/services").resolve(service.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", service.getValue()) + "\n");
        }
    }

    private void writeResources(Path classes) throws IOException {
        for (Map.Entry<String, byte[]> resource : spec.resources().entrySet()) {
            Path file = classes.resolve(resource.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, resource.getValue());
        }
    }

    private Path pack(Path classes, Path scratch) throws IOException {
        Path packed = scratch.resolve("packed.jar");
        var arguments = new ArrayList<>(List.of("--create", "--file", packed.toString()));
        if (spec.automatic() || !spec.manifestAttributes().isEmpty()) {
            Path manifest = scratch.resolve("MANIFEST.MF");
            writeManifest(manifest);
            arguments.addAll(List.of("--manifest", manifest.toString()));
        }
        if (!spec.automatic()) {
            spec.version().ifPresent(version -> arguments.addAll(List.of("--module-version", version)));
        }
        arguments.addAll(List.of("-C", classes.toString(), "."));
        jar.run("pack module " + spec.moduleName(), arguments);
        return packed;
    }

    private void writeManifest(Path file) throws IOException {
        var manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        spec.automaticModuleName().ifPresent(name -> attributes.putValue("Automatic-Module-Name", name));
        // The JDK takes an automatic module's version from the file name; the manifest only records it.
        if (spec.automatic()) {
            spec.version().ifPresent(version -> attributes.put(Attributes.Name.IMPLEMENTATION_VERSION, version));
        }
        spec.manifestAttributes().forEach(attributes::putValue);
        try (OutputStream out = Files.newOutputStream(file)) {
            manifest.write(out);
        }
    }

    /**
     * Copies the jar next to {@code target} under a hidden name (a plugin root ignores names starting
     * with {@code .}) and renames it over {@code target}, so a watcher never sees a half-written jar.
     */
    private static void moveIntoPlace(Path packed, Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, ".", ".jar.part");
        try {
            Files.copy(packed, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}

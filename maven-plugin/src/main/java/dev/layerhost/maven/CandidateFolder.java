package dev.layerhost.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The plugin a project builds, as a plugin root holds it: a folder named after the artifact with the
 * project's jar and its runtime libraries, but not the artifacts of the host's API (those are the host's).
 */
final class CandidateFolder {

    private static final Set<String> RUNTIME_SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

    private final Path folder;

    /** @param folder the candidate folder; it is recreated by {@link #write} */
    CandidateFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * The libraries of the plugin among the project's resolved {@code artifacts}: compile and runtime scope,
     * with a file, and not one of the API (matched by {@code groupId:artifactId} in {@code apiKeys}, or by
     * file in {@code apiFiles}), in the order given.
     *
     * @throws MojoExecutionException if a library is not a {@code .jar} file: a reactor sibling resolved to its
     *                                {@code target/classes} folder (the build stopped before {@code package})
     *                                would be an empty folder in the candidate, and a misleading
     *                                MISSING_DEPENDENCY
     */
    static List<Path> libraries(Iterable<Artifact> artifacts, Set<String> apiKeys, Set<Path> apiFiles)
            throws MojoExecutionException {
        List<Path> libraries = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            if (artifact.getFile() == null || !RUNTIME_SCOPES.contains(artifact.getScope())) {
                continue;
            }
            Path file = artifact.getFile().toPath().toAbsolutePath().normalize();
            if (apiKeys.contains(artifact.getGroupId() + ":" + artifact.getArtifactId()) || apiFiles.contains(file)) {
                continue;
            }
            if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".jar")) {
                throw new MojoExecutionException("layerhost: library " + artifact.getId() + " is " + file
                        + ", not a jar: run 'package' (or 'verify') so that it is a jar");
            }
            libraries.add(file);
        }
        return libraries;
    }

    /**
     * The candidate folder's name: {@code artifactId}, unless the reference root has an entry (file or folder) of
     * that name, then {@code artifactId-candidate}, {@code artifactId-candidate-2}, ... A candidate replaces the
     * root entry of its name as well as that of its plugin id; the name the plugin will have in the root is not
     * known at build time, so it must replace by plugin id only, never an unrelated entry that shares the name.
     *
     * @param artifactId  the project's artifactId
     * @param rootEntries the names of the reference root's entries (empty without a root)
     */
    static String name(String artifactId, Set<String> rootEntries) {
        if (!rootEntries.contains(artifactId)) {
            return artifactId;
        }
        String name = artifactId + "-candidate";
        for (int suffix = 2; rootEntries.contains(name); suffix++) {
            name = artifactId + "-candidate-" + suffix;
        }
        return name;
    }

    /**
     * The names of the entries of {@code root}; none when it is not a folder (the command reports that itself).
     *
     * @throws IOException if the folder cannot be listed
     */
    static Set<String> entryNames(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(entry -> entry.getFileName().toString()).collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * Empties the folder, then copies {@code pluginJar} and {@code libraries} into it under their file names.
     *
     * @return the folder
     * @throws IOException if the folder cannot be emptied or a jar cannot be copied
     */
    Path write(Path pluginJar, List<Path> libraries) throws IOException {
        delete(folder);
        Files.createDirectories(folder);
        Files.copy(pluginJar, folder.resolve(pluginJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        for (int index = 0; index < libraries.size(); index++) {
            Path library = libraries.get(index);
            // Two libraries of one file name (same artifactId and version, other groups) would overwrite each other.
            Path target = folder.resolve(library.getFileName());
            if (Files.exists(target)) {
                target = folder.resolve(index + "-" + library.getFileName());
            }
            Files.copy(library, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    /** Deletes {@code path} and, if it is a folder, everything in it; nothing if it does not exist. */
    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(path)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path each : deepestFirst) {
            Files.delete(each);
        }
    }
}

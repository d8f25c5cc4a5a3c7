package dev.layerhost.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateFolderTest {

    @TempDir
    Path temp;

    @Test
    void librariesAreTheRuntimeArtifactsThatAreNotTheApis() throws Exception {
        Artifact library = artifact("com.example", "lib", Artifact.SCOPE_COMPILE);
        Artifact runtime = artifact("com.example", "driver", Artifact.SCOPE_RUNTIME);
        Artifact provided = artifact("com.example", "container", Artifact.SCOPE_PROVIDED);
        Artifact test = artifact("org.junit", "junit", Artifact.SCOPE_TEST);
        Artifact apiByKey = artifact("dev.layerhost", "layerhost-api", Artifact.SCOPE_COMPILE);
        Artifact apiByFile = artifact("com.example", "api-copy", Artifact.SCOPE_COMPILE);
        Artifact unresolved = artifact("com.example", "nofile", Artifact.SCOPE_COMPILE);
        unresolved.setFile(null);

        List<Path> libraries = CandidateFolder.libraries(
                List.of(library, runtime, provided, test, apiByKey, apiByFile, unresolved),
                Set.of("dev.layerhost:layerhost-api"), Set.of(apiByFile.getFile().toPath().toAbsolutePath()));

        assertEquals(List.of(library.getFile().toPath(), runtime.getFile().toPath()), libraries);
    }

    /** A reactor sibling resolved as its classes folder (no package yet) is no library: say so, do not copy it. */
    @Test
    void aLibraryThatIsNoJarFileFailsNamingTheArtifact() throws IOException {
        Artifact sibling = artifact("com.example", "sibling", Artifact.SCOPE_COMPILE);
        Path classes = Files.createDirectories(temp.resolve("sibling/target/classes"));
        sibling.setFile(classes.toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> CandidateFolder.libraries(List.of(sibling), Set.of(), Set.of()));

        assertEquals("layerhost: library com.example:sibling:jar:1.0 is " + classes.toAbsolutePath()
                + ", not a jar: run 'package' (or 'verify') so that it is a jar", e.getMessage());
    }

    @Test
    void writingRecreatesTheFolderWithThePluginAndItsLibraries() throws IOException {
        Path folder = temp.resolve("candidate/p");
        Files.createDirectories(folder.resolve("stale"));
        Files.writeString(folder.resolve("old-1.0.jar"), "old");
        Path plugin = Files.writeString(temp.resolve("p-2.0.jar"), "plugin");
        Path first = Files.createDirectories(temp.resolve("a")).resolve("lib-1.0.jar");
        Path second = Files.createDirectories(temp.resolve("b")).resolve("lib-1.0.jar");
        Files.writeString(first, "first");
        Files.writeString(second, "second");

        new CandidateFolder(folder).write(plugin, List.of(first, second));

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("1-lib-1.0.jar", "lib-1.0.jar", "p-2.0.jar"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        assertEquals("second", Files.readString(folder.resolve("1-lib-1.0.jar")));
    }

    /** The folder is named after the artifact unless the root has an entry of that name: then it replaces by id only. */
    @Test
    void theFolderIsNamedSoThatItReplacesNoRootEntryByName() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        assertEquals("forest-ml", CandidateFolder.name("forest-ml", CandidateFolder.entryNames(root)));
        assertEquals("forest-ml", CandidateFolder.name("forest-ml",
                CandidateFolder.entryNames(temp.resolve("no-such-root"))));

        Files.createDirectories(root.resolve("forest-ml"));
        Files.writeString(root.resolve("csv.jar"), "a jar");
        assertEquals("forest-ml-candidate", CandidateFolder.name("forest-ml", CandidateFolder.entryNames(root)));
        assertEquals(Set.of("forest-ml", "csv.jar"), CandidateFolder.entryNames(root));
        assertEquals("csv.jar-candidate", CandidateFolder.name("csv.jar", CandidateFolder.entryNames(root)));

        Files.writeString(root.resolve("forest-ml-candidate"), "a file");
        Files.createDirectories(root.resolve("forest-ml-candidate-2"));
        assertEquals("forest-ml-candidate-3", CandidateFolder.name("forest-ml", CandidateFolder.entryNames(root)));
    }

    private Artifact artifact(String group, String name, String scope) throws IOException {
        DefaultArtifact artifact = new DefaultArtifact(group, name, "1.0", scope, "jar", null,
                new DefaultArtifactHandler("jar"));
        Path file = Files.createDirectories(temp.resolve("repo").resolve(group).resolve(name))
                .resolve(name + "-1.0.jar");
        Files.writeString(file, name);
        artifact.setFile(file.toFile());
        return artifact;
    }
}

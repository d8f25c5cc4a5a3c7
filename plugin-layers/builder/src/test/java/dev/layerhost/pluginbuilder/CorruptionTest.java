package dev.layerhost.pluginbuilder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionTest {

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void buildSoundJar() {
        jar = PluginJar.builder("p.victim")
                .version("1.0.0")
                .exports("p.victim")
                .source("p.victim.Victim", "package p.victim; public class Victim { public int size() { return 1; } }")
                .resource("p/victim/notes.txt", "still here")
                .build(dir.resolve("victim.jar"));
        assertEquals(1, ModuleFinder.of(jar).findAll().size(), "the jar is sound before it is damaged");
    }

    @Test
    void truncatedJarCannotBeRead() throws IOException {
        Corruption.truncate(jar, 64);

        assertEquals(64, Files.size(jar));
        assertThrows(FindException.class, () -> ModuleFinder.of(jar).findAll());
    }

    @Test
    void truncateRefusesToGrowTheFile() throws IOException {
        long size = Files.size(jar);

        assertThrows(IllegalArgumentException.class, () -> Corruption.truncate(jar, (int) size));
    }

    @Test
    void textFileIsNoJar() {
        Corruption.overwriteWithText(jar, "this is not a zip archive\n");

        assertThrows(FindException.class, () -> ModuleFinder.of(jar).findAll());
    }

    @Test
    void corruptModuleInfoKeepsEveryOtherEntry() throws IOException {
        List<String> namesBefore;
        byte[] classBefore;
        try (var zip = new ZipFile(jar.toFile())) {
            namesBefore = zip.stream().map(ZipEntry::getName).toList();
            classBefore = zip.getInputStream(zip.getEntry("p/victim/Victim.class")).readAllBytes();
        }

        Corruption.corruptModuleInfo(jar);

        try (var zip = new ZipFile(jar.toFile())) {
            assertEquals(namesBefore, zip.stream().map(ZipEntry::getName).toList());
            assertArrayEquals(classBefore, zip.getInputStream(zip.getEntry("p/victim/Victim.class")).readAllBytes());
        }
        assertThrows(FindException.class, () -> ModuleFinder.of(jar).findAll());
    }

    @Test
    void corruptModuleInfoRefusesANonModularJar() {
        Path legacy = PluginJar.builder("legacy").automatic().emptyClass("legacy.Old").build(dir.resolve("legacy.jar"));

        assertThrows(IllegalArgumentException.class, () -> Corruption.corruptModuleInfo(legacy));
    }
}

package dev.layerhost.pluginbuilder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Test
    void addEntryAppendsAnEntryAndKeepsEveryOther() throws IOException {
        List<String> namesBefore = names(jar);
        byte[] classBefore = bytes(jar, "p/victim/Victim.class");

        Corruption.addEntry(jar, "p/victim/Extra.txt", "added after signing\n");

        List<String> expected = new ArrayList<>(namesBefore);
        expected.add("p/victim/Extra.txt");
        assertEquals(expected, names(jar));
        assertEquals("added after signing\n", new String(bytes(jar, "p/victim/Extra.txt"), StandardCharsets.UTF_8));
        assertArrayEquals(classBefore, bytes(jar, "p/victim/Victim.class"));
        assertEquals(1, ModuleFinder.of(jar).findAll().size(), "the jar is still readable");
        assertFalse(Files.exists(dir.resolve(".victim.jar.rewrite")), "no rewrite file is left behind");
    }

    @Test
    void replaceInEntryChangesTheBytesAndKeepsTheLength() throws IOException {
        List<String> namesBefore = names(jar);
        byte[] classBefore = bytes(jar, "p/victim/Victim.class");

        Corruption.replaceInEntry(jar, "p/victim/Victim.class", "size", "span");

        byte[] classAfter = bytes(jar, "p/victim/Victim.class");
        assertEquals(classBefore.length, classAfter.length);
        String before = new String(classBefore, StandardCharsets.ISO_8859_1);
        String after = new String(classAfter, StandardCharsets.ISO_8859_1);
        int at = before.indexOf("size");
        assertEquals(before.substring(0, at) + "span" + before.substring(at + 4), after);
        assertEquals(namesBefore, names(jar));
        assertEquals("still here", new String(bytes(jar, "p/victim/notes.txt"), StandardCharsets.UTF_8));
        assertEquals(1, ModuleFinder.of(jar).findAll().size(), "the jar is still readable");
    }

    @Test
    void replaceInEntryRefusesTextOfAnotherLength() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Corruption.replaceInEntry(jar, "p/victim/notes.txt", "still", "no longer"));
        assertEquals("'still' and 'no longer' differ in length", e.getMessage());
    }

    @Test
    void replaceInEntryRefusesAnEntryWithoutTheText() throws IOException {
        byte[] jarBefore = Files.readAllBytes(jar);

        var e = assertThrows(IllegalArgumentException.class,
                () -> Corruption.replaceInEntry(jar, "p/victim/notes.txt", "absent", "ABSENT"));

        assertEquals("p/victim/notes.txt of " + jar + " does not hold 'absent'", e.getMessage());
        assertArrayEquals(jarBefore, Files.readAllBytes(jar), "the jar is unchanged");
    }

    @Test
    void replaceInEntryRefusesAMissingEntry() throws IOException {
        byte[] jarBefore = Files.readAllBytes(jar);

        var e = assertThrows(IllegalArgumentException.class,
                () -> Corruption.replaceInEntry(jar, "p/victim/Missing.class", "size", "span"));

        assertEquals(jar + " has no entry p/victim/Missing.class", e.getMessage());
        assertArrayEquals(jarBefore, Files.readAllBytes(jar), "the jar is unchanged");
    }

    private static List<String> names(Path jar) throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    private static byte[] bytes(Path jar, String entry) throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            return zip.getInputStream(zip.getEntry(entry)).readAllBytes();
        }
    }
}

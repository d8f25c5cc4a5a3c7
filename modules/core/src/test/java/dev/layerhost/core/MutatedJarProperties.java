package dev.layerhost.core;

import dev.layerhost.pluginbuilder.PluginJar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.library;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever is done to a plugin's jar on its way (cut short, bytes flipped, entries dropped, duplicated or
 * swollen, sizes in the zip headers lied about), a scan and a load end with one verdict for every entry
 * of the root, the sound plugins beside the damaged ones stay sound, and nothing is thrown. Runs in the
 * build's {@code small-heap} JVM ({@code -Xmx128m}), so a reader that holds what an entry inflates to
 * fails it.
 */
@Tag("small-heap")
class MutatedJarProperties {

    private static final String SERVICES = "META-INF/services/" + PluginRootFixture.DATA_SOURCE;

    /** What may be done to a jar. */
    enum Kind { TRUNCATE, FLIP_BYTES, DROP_ENTRY, DUPLICATE_ENTRY, INFLATE_ENTRY, HUGE_SIZE_IN_HEADER }

    /**
     * One damaged copy of a victim jar.
     *
     * @param victim which victim jar (a modular plugin, an automatic one)
     * @param where  where in the jar, or which entry (taken modulo what there is)
     * @param what   how much, or which variant
     */
    record Mutation(Kind kind, int victim, int where, int what) {
    }

    private Path workspace;
    private List<byte[]> victims;
    private Path soundJar;
    private Path soundFolder;

    @BeforeProperty
    void buildJars() throws IOException {
        workspace = Files.createTempDirectory("mutated-jars");
        Path library = library("lib.sound", "1.0.0", "lib.sound").build(workspace.resolve("folder/lib-sound.jar"));
        List<Path> built = buildAll(
                () -> dataSource("p.victim", "1.0.0").resource("p/victim/data.txt", "some data\n".repeat(50))
                        .build(workspace.resolve("victim.jar")),
                () -> PluginJar.builder("p.auto").automaticModuleName("p.auto").version("1.0.0")
                        .provides(PluginRootFixture.DATA_SOURCE, "p.auto.Source")
                        .source("p.auto.Source", PluginRootFixture.dataSourceClass("p.auto", "\"auto\"", ""))
                        .modulePath(PluginRootFixture.apiJar())
                        .build(workspace.resolve("auto.jar")),
                () -> dataSource("p.sound", "1.0.0").build(workspace.resolve("sound.jar")),
                () -> dataSource("p.folder", "1.0.0").requires("lib.sound")
                        .modulePath(library)
                        .build(workspace.resolve("folder/p-folder.jar")));
        victims = List.of(Files.readAllBytes(built.get(0)), Files.readAllBytes(built.get(1)));
        soundJar = built.get(2);
        soundFolder = workspace.resolve("folder");
    }

    @AfterProperty
    void deleteJars() throws IOException {
        delete(workspace);
    }

    @Property(tries = 40)
    void everyEntryGetsAVerdictAndTheSoundPluginsStaySound(@ForAll @Size(min = 1, max = 4) List<@From("mutations") Mutation> mutations)
            throws IOException {
        Path root = Files.createTempDirectory(workspace, "root");
        try {
            Files.copy(soundJar, root.resolve("sound.jar"));
            Files.createDirectories(root.resolve("folder"));
            try (Stream<Path> jars = Files.list(soundFolder)) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, root.resolve("folder").resolve(jar.getFileName()));
                }
            }
            Set<String> sources = new TreeSet<>(List.of("sound.jar", "folder"));
            for (int i = 0; i < mutations.size(); i++) {
                Mutation mutation = mutations.get(i);
                Files.write(root.resolve("m" + i + ".jar"), apply(mutation, victims.get(mutation.victim())));
                sources.add("m" + i + ".jar");
            }
            try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                    .cacheDirectory(workspace.resolve("cache")).build()) {
                Report scanned = host.scan();
                assertEquals(sources, sourcesOf(scanned), scanned::toString);
                assertEquals(PluginStatus.OK, statusOf(scanned, "sound.jar"), scanned::toString);
                assertEquals(PluginStatus.OK, statusOf(scanned, "folder"), scanned::toString);

                Report loaded = host.load();
                assertEquals(sources, sourcesOf(loaded), loaded::toString);
                assertEquals(PluginStatus.LOADED, statusOf(loaded, "sound.jar"), loaded::toString);
                assertEquals(PluginStatus.LOADED, statusOf(loaded, "folder"), loaded::toString);
                for (String source : sources) {
                    PluginStatus scannedStatus = statusOf(scanned, source);
                    PluginStatus loadedStatus = statusOf(loaded, source);
                    // a load rejects what the scan rejected; what the scan found sound loads or fails in its code
                    assertEquals(scannedStatus == PluginStatus.REJECTED, loadedStatus == PluginStatus.REJECTED,
                            () -> source + ": scan " + scannedStatus + ", load " + loadedStatus + "\n" + loaded);
                }
            }
        } finally {
            delete(root);
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().greaterOrEqual(0))
                .as(Mutation::new);
    }

    private static Set<String> sourcesOf(Report report) {
        Set<String> sources = new TreeSet<>();
        report.plugins().forEach(plugin -> sources.add(plugin.source()));
        return sources;
    }

    private static PluginStatus statusOf(Report report, String source) {
        List<PluginStatus> statuses = report.plugins().stream().filter(p -> p.source().equals(source))
                .map(PluginReport::status).toList();
        assertEquals(1, statuses.size(), () -> "rows of " + source + " in " + report);
        return statuses.get(0);
    }

    static byte[] apply(Mutation mutation, byte[] jar) {
        return switch (mutation.kind()) {
            case TRUNCATE -> Arrays.copyOf(jar, mutation.where() % jar.length);
            case FLIP_BYTES -> {
                byte[] flipped = jar.clone();
                for (int k = 0; k < 8; k++) {
                    int at = (int) ((mutation.where() + (long) k * (mutation.what() % 4096 + 1)) % jar.length);
                    flipped[at] ^= (byte) (mutation.what() | 1);
                }
                yield flipped;
            }
            case DROP_ENTRY -> rewrite(jar, (entries, index) -> entries.remove((int) index), mutation.where());
            case DUPLICATE_ENTRY -> duplicate(jar, mutation.where());
            case INFLATE_ENTRY -> rewrite(jar, (entries, index) -> {
                Map.Entry<String, byte[]> entry = entries.get(index);
                // megabytes of one repeated byte deflate to a thousandth of that
                entries.set(index, Map.entry(entry.getKey(), new byte[(mutation.what() % 24 + 1) << 20]));
            }, mutation.where());
            case HUGE_SIZE_IN_HEADER -> hugeSize(jar, mutation.where(), mutation.what());
        };
    }

    /** Reads the jar's entries, lets {@code change} edit the list at the chosen index, writes them back. */
    private static byte[] rewrite(byte[] jar, EntryEdit change, int where) {
        List<Map.Entry<String, byte[]>> entries = entries(jar);
        change.apply(entries, where % entries.size());
        return write(entries);
    }

    private interface EntryEdit {
        void apply(List<Map.Entry<String, byte[]>> entries, int index);
    }

    /**
     * The jar with one entry twice. A zip writer refuses a name twice, so the copy is written under a name
     * of the same length, and that name's bytes are then changed to the original's everywhere.
     */
    private static byte[] duplicate(byte[] jar, int where) {
        List<Map.Entry<String, byte[]>> entries = entries(jar);
        Map.Entry<String, byte[]> chosen = entries.get(where % entries.size());
        String name = chosen.getKey();
        String stand = name.substring(0, name.length() - 1) + (name.endsWith("~") ? "^" : "~");
        entries.add(where % entries.size() + 1, Map.entry(stand, chosen.getValue()));
        byte[] written = write(entries);
        byte[] from = stand.getBytes(StandardCharsets.UTF_8);
        byte[] to = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at <= written.length - from.length; at++) {
            if (Arrays.equals(written, at, at + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, written, at, to.length);
            }
        }
        return written;
    }

    /** The jar with a size field of one entry's local or central header set to a huge value. */
    private static byte[] hugeSize(byte[] jar, int where, int what) {
        byte[] changed = jar.clone();
        ByteBuffer bytes = ByteBuffer.wrap(changed).order(ByteOrder.LITTLE_ENDIAN);
        boolean central = what % 2 == 0;
        int signature = central ? 0x02014b50 : 0x04034b50;
        List<Integer> headers = new ArrayList<>();
        for (int at = 0; at + 4 <= changed.length; at++) {
            if (bytes.getInt(at) == signature) {
                headers.add(at);
            }
        }
        if (headers.isEmpty()) {
            return changed;
        }
        int header = headers.get(where % headers.size());
        int field = central ? (what % 4 < 2 ? 20 : 24) : (what % 4 < 2 ? 18 : 22); // compressed or uncompressed size
        int huge = List.of(0xFFFFFFFF, 0x7FFFFFFF, 0xFFFFFFF0, 0x40000000).get((what >>> 2) % 4);
        if (header + field + 4 <= changed.length) {
            bytes.putInt(header + field, huge);
        }
        return changed;
    }

    private static List<Map.Entry<String, byte[]>> entries(byte[] jar) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(Map.entry(entry.getName(), in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static byte[] write(List<Map.Entry<String, byte[]>> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (Map.Entry<String, byte[]> entry : entries) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(files.toList());
            Collections.reverse(all);
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        }
    }
}

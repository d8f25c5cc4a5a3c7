package dev.layerhost.image;

import dev.layerhost.api.DataSource;
import dev.layerhost.image.Launcher.ImageRun;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution archive, {@code jlink/target/layerhost-VERSION.tar.gz}, as a user installs it: unpacked
 * with the system's {@code tar} into a folder whose path holds a space, and run from there with no JDK on
 * PATH. It must be the tested image with the real launcher, not jlink's stock one, whose shell outlives a
 * SIGTERM while its {@code java} child keeps running.
 */
class DistributionArchiveIT {

    private static final DataSourcePlugins DATA_SOURCES =
            DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));
    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    /** Where the archive is unpacked, once for every test: a folder whose path holds a space. */
    @TempDir
    static Path installation;

    @TempDir
    Path temp;

    private final String version = property("layerhost.version");
    private Path scratch;
    private Launcher layerhost;

    @BeforeAll
    static void unpackTheArchive() throws Exception {
        Path archive = Path.of(property("layerhost.archive")).toAbsolutePath();
        assertTrue(Files.isRegularFile(archive), () -> "no archive at " + archive + "; run 'mvn package' first");
        Path unpacked = Files.createDirectories(unpacked());
        ProcessBuilder tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .redirectErrorStream(true);
        // beside the unpacked folder, which must hold the archive's top folder only
        ToolRun run = ToolRun.of(tar, installation.resolve("tar-output.txt"), Duration.ofMinutes(2));
        assertEquals(0, run.exitCode(), () -> "tar -xzf " + archive + ": " + run.out());
    }

    @BeforeEach
    void scratch() throws IOException {
        scratch = Files.createDirectories(temp.resolve("scratch"));
    }

    @AfterEach
    void removeLinks() throws IOException {
        if (layerhost != null) {
            layerhost.close();
        }
    }

    @Test
    void theArchiveHoldsOneTopFolderNamedAfterTheVersion() throws IOException {
        try (Stream<Path> entries = Files.list(unpacked())) {
            assertEquals(List.of("layerhost-" + version),
                    entries.map(entry -> entry.getFileName().toString()).toList());
        }
        assertTrue(Files.isDirectory(top()), top()::toString);
    }

    @Test
    void theProgramsKeepTheirExecutableBits() {
        for (String program : List.of("bin/layerhost", "bin/java", "lib/jspawnhelper")) {
            assertTrue(Files.isExecutable(top().resolve(program)), program);
        }
    }

    @Test
    void theLauncherIsTheImagesOwnNotJlinksStockOne() throws IOException {
        Path image = Path.of(property("layerhost.image")).toAbsolutePath();
        assertEquals(Files.readString(image.resolve("bin/layerhost")), Files.readString(top().resolve("bin/layerhost")));
        assertTrue(Files.isRegularFile(top().resolve("lib/layerhost.jsa")), "no class archive of the training run");
        assertTrue(Files.isRegularFile(top().resolve("lib/server/classes.jsa")), "no class archive of the JDK's classes");
    }

    @Test
    void versionRunsFromTheUnpackedArchiveWithNoJdkOnPath() throws Exception {
        ImageRun run = launcher().run("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("layerhost " + version + " "), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    /**
     * The README's other way to install: a link to {@code bin/layerhost} in a folder on PATH. The launcher
     * finds its image through the link ({@code readlink -f}, from PATH as on any system).
     */
    @Test
    void aLinkToTheLauncherElsewhereRunsTheUnpackedImage() throws Exception {
        Launcher launcher = launcher();
        Path readlink = launcher.bin().resolve("readlink");
        Files.createSymbolicLink(readlink, Stream.of("/usr/bin/readlink", "/bin/readlink").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException("no readlink")));
        Path link = Files.createDirectories(temp.resolve("usr local bin")).resolve("layerhost");
        Files.createSymbolicLink(link, top().resolve("bin/layerhost"));
        try {
            ImageRun run = launcher.runWith(Map.of(), List.of(link.toString(), "--version"));

            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().startsWith("layerhost " + version + " "), run::toString);
        } finally {
            Files.delete(link);
            Files.delete(readlink);
        }
    }

    @Test
    void listOfTheDemoRootRunsFromTheUnpackedArchive() throws Exception {
        Path demo = Path.of(property("layerhost.demo.root")).toAbsolutePath();
        assertTrue(Files.isDirectory(demo), () -> "no demo root at " + demo + "; build plugin-layers/samples");

        ImageRun run = launcher().run("list", "--plugins", demo);

        assertEquals(0, run.exitCode(), run::toString);
        for (String plugin : List.of("p.csv", "p.forest")) {
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith(plugin + " ") && line.contains(" OK ")),
                    () -> plugin + " is not listed OK\n" + run);
        }
    }

    /**
     * The bug of jlink's stock launcher: it runs {@code java} as a child of its shell, so a SIGTERM to the
     * launcher's pid ends the shell and leaves {@code java} running. The unpacked launcher's pid is
     * {@code java} itself, with no child, and SIGTERM ends it with exit 0.
     */
    @Test
    void sigtermToTheLaunchersPidEndsJavaAndLeavesNoProcess() throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));
        DATA_SOURCES.plugin("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));

        try (WatchProcess watch = WatchProcess.start(launcher(), root, scratch, "--quiet-period", 200)) {
            watch.await("LOADED", "p.alpha", LINE_TIMEOUT);
            ProcessHandle launched = ProcessHandle.of(watch.pid()).orElseThrow();
            Optional<String> command = launched.info().command();
            assertTrue(command.isPresent() && command.get().endsWith("/bin/java"),
                    () -> "the launcher's pid runs " + command + ", not java\n" + watch);
            List<ProcessHandle> children = launched.descendants().toList();
            assertEquals(List.of(), children, watch::toString);

            watch.terminate();

            assertEquals(Optional.of(0), watch.awaitExit(EXIT_TIMEOUT), watch::toString);
            assertTrue(ProcessHandle.of(watch.pid()).filter(ProcessHandle::isAlive).isEmpty(), watch::toString);
        }
    }

    @Test
    void theArchiveShipsTheCompletionScriptAndAManPagePerVerb() {
        assertTrue(Files.isRegularFile(top().resolve("share/bash-completion/completions/layerhost")));
        for (String page : Set.of("layerhost", "layerhost-list", "layerhost-doctor", "layerhost-graph",
                "layerhost-load", "layerhost-watch")) {
            assertTrue(Files.isRegularFile(top().resolve("man/man1/" + page + ".1")), page);
        }
    }

    private static Path unpacked() {
        return installation.resolve("unpacked here");
    }

    private Path top() {
        return unpacked().resolve("layerhost-" + version);
    }

    private Launcher launcher() throws IOException {
        if (layerhost == null) {
            layerhost = Launcher.of(top(), scratch);
        }
        return layerhost;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the ITs with 'mvn verify'");
        }
        return value;
    }
}

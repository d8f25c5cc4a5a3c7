package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.Shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Entry names are bytes: names that are not valid UTF-8 ({@code \xff.jar}, {@code \xfe.jar}), which
 * Java's {@code Path.toString()} reads as the same replacement character, stay two plugins with two
 * sources, and the same verdict in a scan and a load; so do non-ASCII names and names of 255 bytes, the
 * longest a Linux file system takes.
 */
class FileNameBytesTest {

    @TempDir
    Path workspace;

    @Test
    void namesThatAreNotUtf8StayDistinctSourcesAndLoadAsTheyScan() throws IOException {
        Path staging = Files.createDirectories(workspace.resolve("staging"));
        Path root = Files.createDirectories(workspace.resolve("root"));
        buildAll(() -> dataSource("p.ff", "1.0.0").build(staging.resolve("ff.jar")),
                () -> dataSource("p.fe", "1.0.0").build(staging.resolve("fe.jar")),
                () -> dataSource("p.cafe", "1.0.0").build(staging.resolve("cafe.jar")),
                () -> dataSource("p.folder", "1.0.0").build(staging.resolve("folder.jar")));
        // Java cannot make these names from strings under a UTF-8 locale; the shell writes the bytes.
        Shell.run(root, "cp '" + staging.resolve("ff.jar") + "' \"$(printf '\\377').jar\""
                + " && cp '" + staging.resolve("fe.jar") + "' \"$(printf '\\376').jar\""
                + " && cp '" + staging.resolve("cafe.jar") + "' \"$(printf 'caf\\303\\251').jar\""
                + " && mkdir \"$(printf 'd\\377')\" && cp '" + staging.resolve("folder.jar")
                + "' \"$(printf 'd\\377/p\\376').jar\"");
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report scanned = host.scan();
            assertEquals(Map.of("\\xff.jar", PluginStatus.OK, "\\xfe.jar", PluginStatus.OK,
                    "café.jar", PluginStatus.OK, "d\\xff", PluginStatus.OK), statuses(scanned), scanned::toString);

            Report loaded = host.load();
            assertEquals(Map.of("\\xff.jar", PluginStatus.LOADED, "\\xfe.jar", PluginStatus.LOADED,
                    "café.jar", PluginStatus.LOADED, "d\\xff", PluginStatus.LOADED), statuses(loaded), loaded::toString);
            assertEquals(List.of("p.cafe", "p.fe", "p.ff", "p.folder"), host.services(DataSource.class).stream()
                    .map(PluginService::plugin).sorted().toList());

            List<PluginEvent> reloaded = host.reload("p.ff");
            assertEquals(1, reloaded.size(), reloaded::toString);
            assertEquals(PluginEvent.Kind.RELOADED, reloaded.get(0).kind());
            assertEquals("\\xff.jar", reloaded.get(0).source());
            assertEquals(PluginEvent.Kind.RELOADED, host.reload("p.folder").get(0).kind());
        }
    }

    /**
     * 80 bytes that are not UTF-8 read as 320 characters ({@code \xff} each), longer than a file name may
     * be: the copy a load reads is named shorter. And a relative link of such a name is read where it
     * points, not from where the copy is made.
     */
    @Test
    void namesWhoseReadableFormIsTooLongAndRelativeLinksLoadAsTheyScan() throws IOException {
        Path staging = Files.createDirectories(workspace.resolve("staging"));
        Path root = Files.createDirectories(workspace.resolve("root"));
        buildAll(() -> dataSource("p.longbytes", "1.0.0").build(staging.resolve("longbytes.jar")),
                () -> dataSource("p.infolder", "1.0.0").build(staging.resolve("infolder.jar")),
                () -> dataSource("p.linked", "1.0.0").build(staging.resolve("linked.jar")));
        String bytes = "\\377".repeat(80);
        Shell.run(root, "cp '" + staging.resolve("longbytes.jar") + "' \"$(printf '" + bytes + "').jar\""
                + " && mkdir \"$(printf 'f" + bytes + "')\" && cp '" + staging.resolve("infolder.jar")
                + "' \"$(printf 'f" + bytes + "')/p.jar\""
                + " && ln -s ../staging/linked.jar \"$(printf '\\375').jar\"");
        String longName = "\\xff".repeat(80) + ".jar";
        String folderName = "f" + "\\xff".repeat(80);
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report scanned = host.scan();
            assertEquals(Map.of(longName, PluginStatus.OK, folderName, PluginStatus.OK, "\\xfd.jar", PluginStatus.OK),
                    statuses(scanned), scanned::toString);
            Report loaded = host.load();
            assertEquals(Map.of(longName, PluginStatus.LOADED, folderName, PluginStatus.LOADED,
                    "\\xfd.jar", PluginStatus.LOADED), statuses(loaded), loaded::toString);
            assertEquals(PluginEvent.Kind.RELOADED, host.reload("p.infolder").get(0).kind());
        }
    }

    /** Signatures are verified through the same openable name: a signed jar named by a byte is trusted in both. */
    @Test
    void aSignedJarWhoseNameIsNotUtf8IsVerifiedAlikeInScanAndLoad() throws IOException {
        Path staging = Files.createDirectories(workspace.resolve("staging"));
        Path root = Files.createDirectories(workspace.resolve("root"));
        SigningFixture signing = SigningFixture.generate(Files.createDirectories(workspace.resolve("keys")));
        Path jar = dataSource("p.signedbyte", "1.0.0").build(staging.resolve("signed.jar"));
        signing.sign(jar, SigningFixture.Signer.ACME);
        Shell.run(root, "cp '" + jar + "' \"$(printf '\\377').jar\"");
        Policy policy = Policy.permissive().withSignatures(SignatureMode.REQUIRE, signing.trusted());
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .policy(policy).build()) {
            Report scanned = host.scan();
            assertEquals(Map.of("\\xff.jar", PluginStatus.OK), statuses(scanned), scanned::toString);
            Report loaded = host.load();
            assertEquals(Map.of("\\xff.jar", PluginStatus.LOADED), statuses(loaded), loaded::toString);
        }
    }

    /** A file literally named {@code \xff.jar} and one named by the byte 0xff stay two plugins. */
    @Test
    void aLiteralEscapeInANameIsNotTakenForTheByteItSpells() throws IOException {
        Path staging = Files.createDirectories(workspace.resolve("staging"));
        Path root = Files.createDirectories(workspace.resolve("root"));
        buildAll(() -> dataSource("p.onebyte", "1.0.0").build(staging.resolve("byte.jar")),
                () -> dataSource("p.literal", "1.0.0").build(root.resolve("\\xff.jar")));
        Shell.run(root, "cp '" + staging.resolve("byte.jar") + "' \"$(printf '\\377').jar\"");
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Map<String, PluginStatus> expected = Map.of("\\xff.jar", PluginStatus.OK, "\\x5cxff.jar", PluginStatus.OK);
            assertEquals(expected, statuses(host.scan()));
            assertEquals(Map.of("\\xff.jar", PluginStatus.LOADED, "\\x5cxff.jar", PluginStatus.LOADED), statuses(host.load()));
            assertEquals("\\x5cxff.jar", host.reload("p.literal").get(0).source());
            assertEquals("\\xff.jar", host.reload("p.onebyte").get(0).source());
        }
    }

    @Test
    void entryNamesOfTheLongestLengthLoadAndReload() throws IOException {
        Path root = Files.createDirectories(workspace.resolve("root"));
        String jarName = "j".repeat(255 - ".jar".length()) + ".jar";
        String folderName = "f".repeat(255);
        buildAll(() -> dataSource("p.longjar", "1.0.0").build(root.resolve(jarName)),
                () -> dataSource("p.longfolder", "1.0.0").build(root.resolve(folderName).resolve(jarName)));
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            assertEquals(Map.of(jarName, PluginStatus.OK, folderName, PluginStatus.OK), statuses(host.scan()));
            assertEquals(Map.of(jarName, PluginStatus.LOADED, folderName, PluginStatus.LOADED), statuses(host.load()));
            for (int round = 0; round < 3; round++) {
                assertEquals(PluginEvent.Kind.RELOADED, host.reload("p.longjar").get(0).kind());
                assertEquals(PluginEvent.Kind.RELOADED, host.reload("p.longfolder").get(0).kind());
            }
            assertEquals(List.of("p.longfolder", "p.longjar"), host.live().stream().map(LivePlugin::id).sorted().toList());
        }
    }

    @Test
    void theWatcherLoadsAndReloadsEntriesOfTheLongestNameAgainAndAgain() throws IOException {
        Path staging = Files.createDirectories(workspace.resolve("staging"));
        Path root = Files.createDirectories(workspace.resolve("root"));
        String jarName = "w".repeat(255 - ".jar".length()) + ".jar";
        List<Path> versions = buildAll(() -> dataSource("p.lengthy", "1.0.0").build(staging.resolve("v1.jar")),
                () -> dataSource("p.lengthy", "2.0.0").build(staging.resolve("v2.jar")));
        EventRecorder recorder = new EventRecorder();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .quietPeriod(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(50)).build()) {
            host.addListener(recorder);
            host.load();
            host.watch();
            Files.copy(versions.get(0), root.resolve(jarName));
            assertEquals(jarName, recorder.next(PluginEvent.Kind.LOADED, "p.lengthy").source());
            for (int round = 0; round < 6; round++) {
                Path next = versions.get((round + 1) % 2);
                Path staged = Files.copy(next, root.resolve(".staged.jar"), StandardCopyOption.REPLACE_EXISTING);
                Files.move(staged, root.resolve(jarName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                PluginEvent reloaded = recorder.next(PluginEvent.Kind.RELOADED, "p.lengthy");
                assertEquals(Optional.of(round % 2 == 0 ? "2.0.0" : "1.0.0"), reloaded.version(), reloaded::toString);
            }
        }
    }

}

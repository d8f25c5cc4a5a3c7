package dev.layerhost.core;

import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;
import dev.layerhost.pluginbuilder.ZipTampering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.library;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host keeps the signature verdict of each jar it verified by the jar's content: a reload reads again
 * only the jars whose bytes are new, never every jar of the root. Counted with the {@code verify} phase
 * of the host's flight-recorder events (one entry per jar read to verify it).
 */
class SignatureVerdictReuseTest {

    /** Keys, and the signed jars every test copies into its root. */
    @TempDir
    static Path shared;

    @TempDir
    Path root;

    /**
     * Every jar signed by the trusted key: plugins {@code p.one} to {@code p.four} ({@code <name>.jar}),
     * {@code one-2.jar} ({@code p.one} 2.0.0); for a folder entry, the plugin {@code p.bundle}
     * ({@code bundle.jar}, and 2.0.0 in {@code bundle-2.jar}) and libraries {@code lib-a.jar}, {@code lib-b.jar}.
     * Each plugin has a text resource {@code p/<name>/notes.txt}.
     */
    @BeforeAll
    static void buildSignedJars() {
        Path plain = shared.resolve("plain");
        SigningKeys keys = SigningKeys.generate(shared.resolve("keys"), EnumSet.of(SigningKey.ACME));
        List<Supplier<Path>> builds = new ArrayList<>();
        for (String name : List.of("one", "two", "three", "four", "bundle")) {
            builds.add(() -> dataSource("p." + name, "1.0.0").resource("p/" + name + "/notes.txt", "notes of " + name)
                    .build(plain.resolve(name + ".jar")));
        }
        builds.add(() -> dataSource("p.one", "2.0.0").resource("p/one/notes.txt", "notes of one, 2")
                .build(plain.resolve("one-2.jar")));
        builds.add(() -> dataSource("p.bundle", "2.0.0").build(plain.resolve("bundle-2.jar")));
        builds.add(() -> library("lib.a", "1.0.0", "lib.a").build(plain.resolve("lib-a.jar")));
        builds.add(() -> library("lib.b", "1.0.0", "lib.b").build(plain.resolve("lib-b.jar")));
        buildAll(builds.toArray(Supplier[]::new));
        List<Supplier<Path>> signings = new ArrayList<>();
        for (String name : List.of("one", "two", "three", "four", "bundle", "one-2", "bundle-2", "lib-a", "lib-b")) {
            signings.add(() -> keys.signedCopy(plain.resolve(name + ".jar"), jar(name), SigningKey.ACME));
        }
        buildAll(signings.toArray(Supplier[]::new));
    }

    private static Path jar(String name) {
        return shared.resolve("jars").resolve(name + ".jar");
    }

    private static void place(String name, Path target) {
        SigningFixture.copy(jar(name), target);
    }

    /** {@code one.jar} to {@code four.jar}, and the folder {@code bundle} of {@code plugin.jar}, {@code lib-a.jar}, {@code lib-b.jar}. */
    private void placeRoot() {
        for (String name : List.of("one", "two", "three", "four")) {
            place(name, root.resolve(name + ".jar"));
        }
        place("bundle", root.resolve("bundle/plugin.jar"));
        place("lib-a", root.resolve("bundle/lib-a.jar"));
        place("lib-b", root.resolve("bundle/lib-b.jar"));
    }

    private PluginHost host() {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .cacheDirectory(shared.resolve("cache-" + root.getFileName()))
                .policy(Policy.permissive().withSignatures(SignatureMode.REQUIRE,
                        SigningFixture.in(shared.resolve("keys")).trusted()))
                .build();
    }

    private static long verified(Runnable work) {
        return PhaseRecording.entries("verify", work);
    }

    @Test
    void reloadingOnePluginVerifiesOnlyItsJarsWhoseBytesChanged() {
        placeRoot();

        try (PluginHost host = host()) {
            Report[] loaded = new Report[1];
            assertEquals(7, verified(() -> loaded[0] = host.load()), "a first load verifies every jar");
            assertEquals(List.of(), loaded[0].diagnostics());

            place("one-2", root.resolve("one.jar"));
            assertEquals(1, verified(() -> host.reload("p.one")));
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.one"));

            assertEquals(0, verified(() -> host.reload("p.two")), "the same bytes are not read again");

            // In a folder entry, only the jar that changed: not its libraries beside it.
            place("bundle-2", root.resolve("bundle/plugin.jar"));
            assertEquals(1, verified(() -> host.reload("p.bundle")));
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.bundle"));

            assertEquals(0, verified(host::load), "a load of unchanged files verifies nothing");
            assertEquals(List.of("p.bundle", "p.four", "p.one", "p.three", "p.two"),
                    host.live().stream().map(LivePlugin::id).sorted().toList());
        }
    }

    @Test
    void aJarChangedInPlaceWithTheSameSizeAndTimeIsVerifiedAgain() throws IOException {
        placeRoot();
        Path one = root.resolve("one.jar");

        try (PluginHost host = host()) {
            host.load();
            long size = Files.size(one);
            FileTime modified = Files.getLastModifiedTime(one);
            // other bytes of the same length, in place, and the modification time set back
            ZipTampering.corruptData(one, "p/one/notes.txt");
            Files.setLastModifiedTime(one, modified);
            assertEquals(size, Files.size(one));

            List<PluginEvent> events = new ArrayList<>();
            assertEquals(1, verified(() -> events.addAll(host.reload("p.one"))));

            assertEquals(List.of(PluginEvent.Kind.REJECTED), events.stream().map(PluginEvent::kind).toList());
            assertEquals(List.of(DiagnosticCode.SIGNATURE_INVALID),
                    events.get(0).diagnostics().stream().map(Diagnostic::code).toList());
            assertEquals(Optional.of("1.0.0"), host.liveVersion("p.one"), "the verified version keeps serving");
        }
    }

    @Test
    void aJarMovedToAnotherEntryIsNotVerifiedAgain() throws IOException {
        placeRoot();

        try (PluginHost host = host()) {
            host.load();
            Files.move(root.resolve("three.jar"), root.resolve("drei.jar"));

            Report[] moved = new Report[1];
            assertEquals(0, verified(() -> moved[0] = host.load()), "its content was verified under the old name");

            assertEquals(PluginStatus.LOADED, statuses(moved[0]).get("drei.jar"));
            assertTrue(moved[0].diagnostics().isEmpty(), moved[0].diagnostics()::toString);
        }
    }

    /**
     * {@code scan()} reads the jars in place, which may change under it at any time: no verdict is kept
     * for them, and a jar changed with the same size and time is found changed.
     */
    @Test
    void aScanVerifiesTheJarsInPlaceEveryTime() throws IOException {
        placeRoot();
        Path one = root.resolve("one.jar");

        try (PluginHost host = host()) {
            assertEquals(7, verified(host::scan));
            FileTime modified = Files.getLastModifiedTime(one);
            ZipTampering.corruptData(one, "p/one/notes.txt");
            Files.setLastModifiedTime(one, modified);

            Report[] scanned = new Report[1];
            assertEquals(7, verified(() -> scanned[0] = host.scan()));

            assertEquals(List.of(DiagnosticCode.SIGNATURE_INVALID),
                    scanned[0].diagnostics().stream().map(Diagnostic::code).toList());
            assertEquals(Map.of("one.jar", PluginStatus.REJECTED, "two.jar", PluginStatus.OK,
                    "three.jar", PluginStatus.OK, "four.jar", PluginStatus.OK, "bundle", PluginStatus.OK),
                    statuses(scanned[0]));
        }
    }
}

package dev.layerhost.core.internal.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What the root's disabled.txt can be made into: the read never blocks (a FIFO, a link to a device, a FIFO
 * swapped in after the stamp), never fails, and a link is not followed.
 */
class DisabledListFileTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private final DisabledPlugins configuredNone = new DisabledPlugins(Set.of());

    @Test
    void crlfLinesAreIds() throws IOException {
        Files.writeString(root.resolve(DisabledPlugins.FILE_NAME), "p.a\r\n  p.b  # why\r\n\r\np.c");

        assertEquals(Set.of("p.a", "p.b", "p.c"), configuredNone.read(root).ids());
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheFirstId() throws IOException {
        Files.write(root.resolve(DisabledPlugins.FILE_NAME), "\uFEFFp.csv\r\np.b\r\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(Set.of("p.csv", "p.b"), configuredNone.read(root).ids());
    }

    @Test
    void aLinkToDevZeroIsNoListAndIsNotRead() throws IOException {
        Files.createSymbolicLink(root.resolve(DisabledPlugins.FILE_NAME), Path.of("/dev/zero"));

        DisabledPlugins.Listing listing = assertTimeoutPreemptively(PROMPTLY, () -> configuredNone.read(root));

        assertEquals(Set.of(), listing.ids());
        assertEquals("", listing.stamp());
    }

    @Test
    void aLinkToARegularListIsNotFollowed() throws IOException {
        Path real = Files.writeString(root.resolve("elsewhere.txt"), "p.a\n");
        Files.createSymbolicLink(root.resolve(DisabledPlugins.FILE_NAME), real);

        assertEquals(Set.of(), configuredNone.read(root).ids(), "a link could be swapped for one to a FIFO");
        assertEquals(Set.of("p.a"), DisabledPlugins.idsIn(real), "the file itself is a list");
        assertEquals(Set.of(), DisabledPlugins.idsIn(root.resolve(DisabledPlugins.FILE_NAME)));
    }

    @Test
    void aFifoIsNoListAndDoesNotBlock() throws Exception {
        Path fifo = mkfifo(root.resolve(DisabledPlugins.FILE_NAME));

        DisabledPlugins.Listing listing = assertTimeoutPreemptively(PROMPTLY,
                () -> new DisabledPlugins(Set.of("p.own")).read(root));

        assertEquals(Set.of("p.own"), listing.ids());
        assertEquals("", DisabledPlugins.stamp(root), fifo + " has no stamp");
    }

    @Test
    void aFifoSwappedInAfterTheStampDoesNotBlockTheRead() throws Exception {
        Path list = Files.writeString(root.resolve(DisabledPlugins.FILE_NAME), "p.a\n");
        String stamp = DisabledPlugins.stamp(root);
        Files.delete(list);
        mkfifo(list);

        // the second step of a read, after a stamp of a regular file: the FIFO is what it now finds
        Set<String> ids = assertTimeoutPreemptively(PROMPTLY, () -> DisabledPlugins.idsIn(list),
                "opening a FIFO for reading waits for a writer");

        assertEquals(Set.of(), ids);
        assertEquals(false, stamp.isEmpty(), "the regular file had a stamp");
    }

    @Test
    void aRegularFileThatCannotBeReadDisablesNothing() {
        // a regular file whose read fails whoever reads it (even root): offset 0 of a process's memory is unmapped
        Path unreadable = Path.of("/proc/self/mem");

        assertEquals(Set.of(), assertTimeoutPreemptively(PROMPTLY, () -> DisabledPlugins.idsIn(unreadable)));
    }

    /**
     * Without read permission, a list disables nothing, unless the reader may read it anyway (root may:
     * then it is a list as any other). A read that fails whoever reads is the test above.
     */
    @Test
    void aFileWithoutReadPermissionIsReadOnlyByWhoeverMayStillReadIt() throws IOException {
        Path list = Files.writeString(root.resolve(DisabledPlugins.FILE_NAME), "p.a\n");
        Files.setPosixFilePermissions(list, Set.of());
        try {
            Set<String> expected = Files.isReadable(list) ? Set.of("p.a") : Set.of();
            assertEquals(expected, configuredNone.read(root).ids());
        } finally {
            Files.setPosixFilePermissions(list, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        }
    }

    private static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!mkfifo.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            mkfifo.destroyForcibly();
            throw new IOException("mkfifo " + path + " did not finish");
        }
        assertEquals(0, mkfifo.exitValue(), "mkfifo " + path);
        return path;
    }
}

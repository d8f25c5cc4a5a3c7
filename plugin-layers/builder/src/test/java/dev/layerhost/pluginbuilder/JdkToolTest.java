package dev.layerhost.pluginbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkToolTest {

    @TempDir
    Path dir;

    @Test
    void keytoolWritesRelativeFilesInTheWorkingFolderItCreates() {
        Path keys = dir.resolve("not/yet/there");

        JdkTool.run(keys, "keytool", List.of("-genkeypair", "-alias", "acme", "-keyalg", "EC",
                "-keystore", "acme.p12", "-storetype", "PKCS12", "-dname", "CN=Acme", "-validity", "1",
                "-storepass", "secret"));
        String listing = JdkTool.run(keys, "keytool", List.of("-list", "-keystore", "acme.p12",
                "-storepass", "secret"));

        assertTrue(Files.isRegularFile(keys.resolve("acme.p12")), "the key store is in the working folder");
        assertTrue(listing.contains("acme"), listing);
    }

    @Test
    void aFailingToolThrowsWithTheCommandAndItsOutput() {
        var e = assertThrows(IllegalStateException.class,
                () -> JdkTool.run(dir, "keytool", List.of("-nosuchoption")));

        String message = e.getMessage();
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String command = keytool + " -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC -nosuchoption";
        assertTrue(message.startsWith(command + " failed with exit 1:\n"), message);
        String output = message.substring(message.indexOf(":\n") + 2);
        assertTrue(output.contains("-nosuchoption"), "keytool's own output names the bad option: " + message);
    }

    @Test
    void aMissingToolCannotRun() {
        var e = assertThrows(UncheckedIOException.class,
                () -> JdkTool.run(dir, "no-such-tool", List.of()));

        assertEquals("cannot run " + Path.of(System.getProperty("java.home"), "bin", "no-such-tool"),
                e.getMessage());
    }
}

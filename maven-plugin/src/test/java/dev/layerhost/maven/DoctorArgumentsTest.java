package dev.layerhost.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DoctorArgumentsTest {

    private static final Path ROOT = Path.of("/r");
    private static final Path CANDIDATE = Path.of("/c/p");

    @Test
    void theRootEveryApiJarAndTheCandidate() {
        DoctorArguments arguments = new DoctorArguments(ROOT, List.of(Path.of("/a.jar"), Path.of("/lib")), CANDIDATE,
                "off", Optional.empty(), List.of(), List.of());
        assertEquals(List.of("doctor", "--plugins", "/r", "--no-builtin-api", "--api", "/a.jar", "--api", "/lib", "--candidate", "/c/p"),
                List.of(arguments.text()));
        assertEquals(List.of("doctor", "--plugins", "/r", "--no-builtin-api", "--api", "/a.jar", "--api", "/lib", "--candidate", "/c/p",
                "--json"), List.of(arguments.json()));
    }

    @Test
    void policyOptionsPassThroughOnePerValue() {
        DoctorArguments arguments = new DoctorArguments(ROOT, List.of(Path.of("/a.jar")), CANDIDATE, "require",
                Optional.of(Path.of("/trust.p12")), List.of("jdk.unsupported", "java.sql"),
                List.of("dev.layerhost.api.DataSource"));
        assertEquals(List.of("doctor", "--plugins", "/r", "--no-builtin-api", "--api", "/a.jar", "--candidate", "/c/p",
                "--signatures", "require", "--trust-store", "/trust.p12",
                "--deny-module", "jdk.unsupported", "--deny-module", "java.sql",
                "--allow-service", "dev.layerhost.api.DataSource"), List.of(arguments.text()));
    }
}

package dev.layerhost.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.layerhost.api.DataSource;
import dev.layerhost.cli.Main;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CheckReport} over what {@code layerhost doctor --candidate --json} really prints, as the mojo runs it. */
class CheckReportTest {

    private static final String SHOWN = "target/layerhost/check.json";
    private static final DataSourcePlugins PLUGINS =
            DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));

    @TempDir
    Path temp;

    @Test
    void aSoundCandidateNeitherFailsNorWarns() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        PLUGINS.plugin("p.b", "1.0.0").build(root.resolve("b.jar"));
        Path candidate = PLUGINS.plugin("p.a", "1.0.0").build(temp.resolve("candidate/p-a/p-a.jar")).getParent();

        CheckReport report = check(root, candidate);

        assertEquals(Optional.empty(), report.failure(SHOWN));
        assertEquals(Optional.empty(), report.warnings(SHOWN));
    }

    @Test
    void aRejectedCandidateIsNamedWithItsOwnErrorCodesOnly() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        // the root's own errors are not the candidate's
        PLUGINS.plugin("p.b", "1.0.0").requires("lib.gone").build(root.resolve("b.jar"));
        Path candidate = PLUGINS.plugin("p.a", "1.0.0").requires("lib.absent").requires("lib.missing")
                .build(temp.resolve("candidate/p-a/p-a.jar")).getParent();

        CheckReport report = check(root, candidate);

        assertEquals(Optional.of("layerhost: p.a 1.0.0 is REJECTED (MISSING_DEPENDENCY); see " + SHOWN),
                report.failure(SHOWN));
        assertEquals(List.of("MISSING_DEPENDENCY", "MISSING_DEPENDENCY"),
                report.candidate().orElseThrow().diagnostics().stream().map(CheckReport.Finding::code).toList());
    }

    @Test
    void aPluginOfTheRootThatTheCandidateBreaksIsNamedWithItsCodes() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        PLUGINS.plugin("p.base", "1.0.0").build(root.resolve("p-base.jar"));
        PLUGINS.plugin("p.dep", "1.0.0").requires("p.base").compiledAgainst("p.base", "1.0.0")
                .build(root.resolve("p-dep.jar"));
        Path candidate = PLUGINS.plugin("p.base", "2.0.0").build(temp.resolve("candidate/p-base/p-base.jar"))
                .getParent();

        CheckReport report = check(root, candidate);

        assertEquals(Optional.of("layerhost: p.base 2.0.0 would break 1 plugin of the reference root:"
                + " p.dep (VERSION_CONFLICT); see " + SHOWN), report.failure(SHOWN));
    }

    /**
     * A root entry p-base whose library is an automatic module (AUTOMATIC_MODULE, a warning), replaced by a
     * clean candidate of the same name: the replaced entry's warning shares the candidate's source and id,
     * and is not the candidate's, so failOnWarning does not fail.
     */
    @Test
    void theWarningOfTheReplacedRootEntryIsNotTheCandidates() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path legacy = PluginJar.builder("legacy.util").automatic().emptyClass("legacy.util.Helper")
                .build(root.resolve("p-base/legacy-util.jar"));
        PLUGINS.plugin("p.base", "1.0.0").requires("legacy.util").modulePath(legacy)
                .build(root.resolve("p-base/p-base.jar"));
        Path candidate = PLUGINS.plugin("p.base", "2.0.0").build(temp.resolve("candidate/p-base/p-base.jar"))
                .getParent();

        String json = doctorJson(root, candidate);
        CheckReport report = CheckReport.parse(json);

        assertTrue(json.contains("AUTOMATIC_MODULE"), json);
        assertEquals(Optional.empty(), report.failure(SHOWN));
        assertEquals(Optional.empty(), report.warnings(SHOWN), json);
    }

    @Test
    void aCandidateTheRootDisablesFailsTheBuildSinceNothingWasChecked() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Files.writeString(root.resolve("disabled.txt"), "p.x\n");
        Path candidate = PLUGINS.plugin("p.x", "1.0.0").build(temp.resolve("candidate/p-x/p-x.jar")).getParent();

        CheckReport report = check(root, candidate);

        assertEquals(Optional.of("layerhost: p.x is disabled in the reference root (disabled.txt): nothing was"
                + " checked; see " + SHOWN), report.failure(SHOWN));
    }

    @Test
    void notJsonIsAnIoError() {
        assertThrows(IOException.class, () -> CheckReport.parse("layerhost: oops"));
    }

    private static CheckReport check(Path root, Path candidate) throws IOException {
        return CheckReport.parse(doctorJson(root, candidate));
    }

    /** What the mojo's JSON run prints: the command of {@link DoctorArguments}, in this JVM. */
    private static String doctorJson(Path root, Path candidate) {
        DoctorArguments arguments = new DoctorArguments(root, List.of(PLUGINS.apiJar()), candidate, "off",
                Optional.empty(), List.of(), List.of());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(arguments.json(), new PrintWriter(out, true), new PrintWriter(err, true));
        assertTrue(exitCode == 0 || exitCode == 1, () -> "exit " + exitCode + ": " + err);
        return out.toString();
    }
}

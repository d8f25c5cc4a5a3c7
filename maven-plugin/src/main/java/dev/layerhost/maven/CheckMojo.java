package dev.layerhost.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Checks the plugin this project builds as {@code layerhost doctor --candidate} would: the project's jar with
 * its runtime dependencies as its private libraries, against the host's API and, if given, a reference plugin
 * root. The build fails when the plugin would be rejected or would make a plugin of the root rejected.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** The values of {@code doctor --signatures}, in any case, as the command takes them. */
    private static final Set<String> SIGNATURE_MODES = Set.of("off", "warn", "require");

    /** The project whose plugin is checked. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The build's resolver session (its local repository, offline mode, mirrors). */
    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    /** The project's repositories, where API artifacts are resolved from. */
    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    private List<RemoteRepository> remoteRepositories;

    @Component
    private RepositorySystem repositorySystem;

    /**
     * The host's API as Maven coordinates, {@code groupId:artifactId[:version]}, each resolved with its runtime
     * dependencies; without a version, that of the project's dependency on it. These artifacts are not copied
     * into the candidate: they are the host's.
     */
    @Parameter
    private List<String> apiArtifacts = new ArrayList<>();

    /** The host's API as files: each a jar or a folder of jars. */
    @Parameter
    private List<File> apiPaths = new ArrayList<>();

    /** The reference plugin root (the host's current plugins); without it the plugin is checked alone. */
    @Parameter(property = "layerhost.pluginRoot")
    private File pluginRoot;

    /** Fail the build on a WARNING diagnostic of the plugin, or of a plugin of the root it changes. */
    @Parameter(property = "layerhost.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Skip the check. */
    @Parameter(property = "layerhost.skip", defaultValue = "false")
    private boolean skip;

    /** Where {@code doctor --json}'s report is written, whether the build fails or not. */
    @Parameter(property = "layerhost.reportFile", defaultValue = "${project.build.directory}/layerhost/check.json")
    private File reportFile;

    /** {@code off}, {@code warn} or {@code require}: {@code doctor --signatures}. */
    @Parameter(property = "layerhost.signatures", defaultValue = "off")
    private String signatures;

    /**
     * The trust store of signed plugins ({@code doctor --trust-store}); its password, if any, comes from the
     * environment variable {@code LAYERHOST_TRUST_STORE_PASSWORD}.
     */
    @Parameter(property = "layerhost.trustStore")
    private File trustStore;

    /** Modules no plugin may require or bundle ({@code doctor --deny-module}). */
    @Parameter
    private List<String> denyModules = new ArrayList<>();

    /** The only service types plugins may provide, when given ({@code doctor --allow-service}). */
    @Parameter
    private List<String> allowServices = new ArrayList<>();

    /** The mojo's working folder: the candidate and the empty root. */
    @Parameter(defaultValue = "${project.build.directory}/layerhost", readonly = true)
    private File workDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("layerhost: check skipped");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            // A multi-module parent declaring the goal for its modules builds no jar: there is no plugin here.
            getLog().info("layerhost: nothing to check in a pom project");
            return;
        }
        validateParameters();
        deletePreviousRun();
        DoctorArguments arguments = arguments();
        DoctorRun text = DoctorRun.of(arguments.text());
        failOnCommandError(text);
        DoctorRun json = DoctorRun.of(arguments.json());
        failOnCommandError(json);
        CheckReport report = writeReport(json);
        // Absolute: in a multi-module build a path relative to the module reads as one relative to where mvn ran.
        String shown = reportFile.toPath().toAbsolutePath().normalize().toString();
        Optional<String> failure = report.failure(shown)
                .or(() -> json.exitCode() == DoctorRun.ERRORS
                        ? Optional.of("layerhost: doctor found errors; see " + shown) : Optional.empty());
        Optional<String> warnings = report.warnings(shown);
        if (failure.isEmpty() && failOnWarning) {
            failure = warnings;
        }
        // The level follows the outcome, so that 'mvn -q' (errors only) still shows the diagnostics and hints
        // of a failing build, and a passing build with warnings stands out.
        Consumer<CharSequence> log = failure.isPresent() ? getLog()::error
                : warnings.isPresent() ? getLog()::warn : getLog()::info;
        text.outLines().forEach(log);
        text.err().lines().forEach(line -> getLog().warn(line));
        if (failure.isPresent()) {
            throw new MojoFailureException(failure.get());
        }
    }

    /**
     * Checks the parameters the command would otherwise reject in its own words (its options, its
     * {@code --help}), so that the message names the Maven parameter.
     */
    private void validateParameters() throws MojoExecutionException {
        if (!SIGNATURE_MODES.contains(signatures.toLowerCase(Locale.ROOT))) {
            throw new MojoExecutionException("layerhost: <signatures> (layerhost.signatures) is '" + signatures
                    + "': use off, warn or require");
        }
        if (reportFile.isDirectory()) {
            throw new MojoExecutionException("layerhost: <reportFile> (layerhost.reportFile) is a folder: "
                    + reportFile.getAbsolutePath() + ": name a file, e.g. " + new File(reportFile, "check.json"));
        }
    }

    /**
     * Deletes the report and the candidate folders of an earlier run: a run that fails before writing its own
     * report must not leave an old verdict (CI archives the file), nor an old candidate beside the new one.
     */
    private void deletePreviousRun() throws MojoExecutionException {
        Path candidates = workDirectory.toPath().resolve("candidate");
        try {
            Files.deleteIfExists(reportFile.toPath());
            CandidateFolder.delete(candidates);
        } catch (IOException e) {
            throw new MojoExecutionException("layerhost: cannot delete the previous run's report " + reportFile
                    + " or candidates " + candidates + ": " + e, e);
        }
    }

    private DoctorArguments arguments() throws MojoExecutionException {
        Set<String> apiKeys = new HashSet<>();
        Set<Path> apiFiles = new HashSet<>();
        List<Path> apiJars = new ArrayList<>();
        for (File path : apiPaths) {
            Path absolute = path.toPath().toAbsolutePath().normalize();
            apiFiles.add(absolute);
            apiJars.add(absolute);
        }
        List<ApiCoordinate> coordinates = new ArrayList<>();
        for (String entry : apiArtifacts) {
            try {
                coordinates.add(ApiResolver.versioned(ApiCoordinate.parse(entry), project));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("layerhost: " + e.getMessage());
            }
        }
        if (coordinates.isEmpty() && apiJars.isEmpty()) {
            throw new MojoExecutionException("layerhost: no API: name the host's API with <apiArtifacts> (Maven"
                    + " coordinates groupId:artifactId[:version]) or <apiPaths> (jars or folders of jars)");
        }
        Map<String, Path> resolved = new ApiResolver(repositorySystem, repositorySession, remoteRepositories)
                .resolve(coordinates);
        apiKeys.addAll(resolved.keySet());
        coordinates.forEach(coordinate -> apiKeys.add(coordinate.key()));
        for (Path jar : resolved.values()) {
            Path absolute = jar.toAbsolutePath().normalize();
            apiFiles.add(absolute);
            apiJars.add(absolute);
        }
        Path root = root();
        Path candidate = candidate(root, apiKeys, apiFiles);
        return new DoctorArguments(root, List.copyOf(new LinkedHashSet<>(apiJars)), candidate, signatures,
                Optional.ofNullable(trustStore).map(File::toPath), denyModules, allowServices);
    }

    /**
     * The candidate folder, written anew: the project's jar and its libraries, under a name no entry of the
     * {@code root} has ({@link CandidateFolder#name}).
     */
    private Path candidate(Path root, Set<String> apiKeys, Set<Path> apiFiles) throws MojoExecutionException {
        File jar = project.getArtifact().getFile();
        if (jar == null || !jar.isFile()) {
            throw new MojoExecutionException("layerhost: the project's jar is not built yet (" + project.getArtifactId()
                    + "): run the check goal after package, e.g. 'mvn verify'");
        }
        List<Path> libraries = CandidateFolder.libraries(project.getArtifacts(), apiKeys, apiFiles);
        Path folder = workDirectory.toPath().resolve("candidate").resolve(project.getArtifactId());
        try {
            folder = folder.resolveSibling(CandidateFolder.name(project.getArtifactId(),
                    CandidateFolder.entryNames(root)));
            return new CandidateFolder(folder).write(jar.toPath(), libraries);
        } catch (IOException e) {
            throw new MojoExecutionException("layerhost: cannot write the candidate folder " + folder + ": " + e, e);
        }
    }

    /** The root the project names, or an empty one of the mojo's. */
    private Path root() throws MojoExecutionException {
        if (pluginRoot != null) {
            // A missing folder is reported by the command itself, in its own words (exit 2).
            return pluginRoot.toPath().toAbsolutePath().normalize();
        }
        Path empty = workDirectory.toPath().resolve("empty-root");
        try {
            CandidateFolder.delete(empty);
            return Files.createDirectories(empty);
        } catch (IOException e) {
            throw new MojoExecutionException("layerhost: cannot write the empty plugin root " + empty + ": " + e, e);
        }
    }

    private static void failOnCommandError(DoctorRun run) throws MojoExecutionException {
        if (run.exitCode() == DoctorRun.OK || run.exitCode() == DoctorRun.ERRORS) {
            return;
        }
        String line = run.errLine();
        throw new MojoExecutionException(line.isEmpty()
                ? "layerhost: doctor ended with exit code " + run.exitCode() : line);
    }

    private CheckReport writeReport(DoctorRun json) throws MojoExecutionException {
        Path file = reportFile.toPath();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json.out(), StandardCharsets.UTF_8);
            return CheckReport.parse(json.out());
        } catch (IOException e) {
            throw new MojoExecutionException("layerhost: cannot write or read the report " + file + ": " + e, e);
        }
    }

}

package dev.layerhost.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * The jars of the host's API named by Maven coordinates: each artifact with its transitive runtime
 * dependencies, through the build's own resolver and repositories.
 */
final class ApiResolver {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    ApiResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
    }

    /**
     * The version of {@code coordinate}, or else the version of the project's dependency on it (declared or
     * managed).
     *
     * @throws MojoExecutionException if it has none and the project has no such dependency
     */
    static ApiCoordinate versioned(ApiCoordinate coordinate, MavenProject project) throws MojoExecutionException {
        if (coordinate.version().isPresent()) {
            return coordinate;
        }
        List<Dependency> candidates = new ArrayList<>(project.getDependencies());
        if (project.getDependencyManagement() != null) {
            candidates.addAll(project.getDependencyManagement().getDependencies());
        }
        Optional<String> version = candidates.stream()
                .filter(d -> coordinate.key().equals(d.getGroupId() + ":" + d.getArtifactId()))
                .map(Dependency::getVersion)
                .filter(v -> v != null && !v.isBlank())
                .findFirst();
        return coordinate.withVersion(version.orElseThrow(() -> new MojoExecutionException(
                "layerhost: apiArtifacts entry " + coordinate + " has no version and the project has no dependency"
                        + " on it; write " + coordinate + ":VERSION")));
    }

    /**
     * The jars of {@code coordinates} (each with a version) and their runtime dependencies, keyed by
     * {@code groupId:artifactId}, in resolution order.
     *
     * @throws MojoExecutionException naming the artifact that cannot be resolved
     */
    Map<String, Path> resolve(List<ApiCoordinate> coordinates) throws MojoExecutionException {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (ApiCoordinate coordinate : coordinates) {
            DefaultArtifact artifact = new DefaultArtifact(coordinate.groupId(), coordinate.artifactId(), "jar",
                    coordinate.version().orElseThrow());
            CollectRequest collect = new CollectRequest(
                    new org.eclipse.aether.graph.Dependency(artifact, JavaScopes.RUNTIME), repositories);
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            try {
                for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                    org.eclipse.aether.artifact.Artifact resolved = result.getArtifact();
                    jars.putIfAbsent(resolved.getGroupId() + ":" + resolved.getArtifactId(), resolved.getFile().toPath());
                }
            } catch (DependencyResolutionException e) {
                throw new MojoExecutionException("layerhost: cannot resolve the API artifact " + coordinate + ": "
                        + e.getMessage(), e);
            }
        }
        return jars;
    }
}

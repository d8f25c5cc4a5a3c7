package dev.layerhost.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ApiResolverTest {

    @Test
    void aCoordinateWithoutVersionTakesThatOfTheProjectsDependency() throws MojoExecutionException {
        MavenProject project = new MavenProject();
        project.setDependencies(List.of(dependency("com.example", "other", "9.0"),
                dependency("dev.layerhost", "layerhost-api", "0.1.0")));

        ApiCoordinate versioned = ApiResolver.versioned(ApiCoordinate.parse("dev.layerhost:layerhost-api"), project);

        assertEquals(Optional.of("0.1.0"), versioned.version());
    }

    @Test
    void aManagedVersionServesTooAndAnExplicitOneWins() throws MojoExecutionException {
        MavenProject project = new MavenProject();
        DependencyManagement management = new DependencyManagement();
        management.setDependencies(List.of(dependency("com.example", "api", "2.3.0")));
        project.getModel().setDependencyManagement(management);

        assertEquals(Optional.of("2.3.0"),
                ApiResolver.versioned(ApiCoordinate.parse("com.example:api"), project).version());
        assertEquals(Optional.of("1.0"),
                ApiResolver.versioned(ApiCoordinate.parse("com.example:api:1.0"), project).version());
    }

    @Test
    void noVersionAnywhereIsOneLineSayingWhatToWrite() {
        MojoExecutionException error = assertThrows(MojoExecutionException.class,
                () -> ApiResolver.versioned(ApiCoordinate.parse("com.example:api"), new MavenProject()));
        assertEquals("layerhost: apiArtifacts entry com.example:api has no version and the project has no dependency"
                + " on it; write com.example:api:VERSION", error.getMessage());
    }

    private static Dependency dependency(String group, String artifact, String version) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(group);
        dependency.setArtifactId(artifact);
        dependency.setVersion(version);
        return dependency;
    }
}

package dev.layerhost.maven;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the mojo's {@code apiArtifacts}: {@code groupId:artifactId[:version]}. Without a version, the
 * version of the project's own dependency on the artifact is meant.
 */
record ApiCoordinate(String groupId, String artifactId, Optional<String> version) {

    ApiCoordinate {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Parses {@code text}, for example {@code "dev.layerhost:layerhost-api"} or
     * {@code "dev.layerhost:layerhost-api:0.1.0"}.
     *
     * @throws IllegalArgumentException with a one-line message naming {@code text} if it is not of that form
     */
    static ApiCoordinate parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        String[] parts = trimmed.split(":", -1);
        boolean blankPart = false;
        for (String part : parts) {
            blankPart |= part.isBlank();
        }
        if (parts.length < 2 || parts.length > 3 || blankPart) {
            throw new IllegalArgumentException("apiArtifacts entry '" + trimmed
                    + "' is not groupId:artifactId or groupId:artifactId:version");
        }
        return new ApiCoordinate(parts[0], parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
    }

    /** The key artifacts are matched by: {@code groupId:artifactId}. */
    String key() {
        return groupId + ":" + artifactId;
    }

    /** This coordinate with {@code chosen} as its version. */
    ApiCoordinate withVersion(String chosen) {
        return new ApiCoordinate(groupId, artifactId, Optional.of(chosen));
    }

    @Override
    public String toString() {
        return version.map(v -> key() + ":" + v).orElse(key());
    }
}

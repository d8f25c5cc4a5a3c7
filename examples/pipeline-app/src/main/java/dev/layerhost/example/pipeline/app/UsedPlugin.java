package dev.layerhost.example.pipeline.app;

import java.util.Objects;
import java.util.Optional;

/**
 * A plugin a job used: its category, id and version (from its module) and the name its provider gives.
 *
 * @param category what it was used for
 * @param id       the plugin's id, its module's name
 * @param version  its module's version; empty if it has none
 * @param name     the provider's own short name, such as {@code csv}
 */
record UsedPlugin(Category category, String id, Optional<String> version, String name) {

    UsedPlugin {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
    }

    /** {@code example.model.ols 1.0.0}. */
    String idAndVersion() {
        return id + " " + version.orElse("(no version)");
    }
}

package dev.layerhost.core.internal.archive;

import dev.layerhost.core.PluginMetadata;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReference;
import java.util.Objects;

/**
 * A module read from one jar of an entry: its reference (descriptor only; nothing of it has run), the
 * jar's file name for messages, and what the jar's manifest says about it.
 */
public record CandidateModule(ModuleReference reference, String file, PluginMetadata metadata) {

    public CandidateModule {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** A module whose manifest says nothing. */
    public CandidateModule(ModuleReference reference, String file) {
        this(reference, file, PluginMetadata.empty());
    }

    public ModuleDescriptor descriptor() {
        return reference.descriptor();
    }

    public String name() {
        return reference.descriptor().name();
    }
}

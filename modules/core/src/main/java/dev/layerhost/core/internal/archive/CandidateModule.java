package dev.layerhost.core.internal.archive;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReference;
import java.util.Objects;

/**
 * A module read from one jar of an entry: its reference (descriptor only; nothing of it has run) and
 * the jar's file name for messages.
 */
public record CandidateModule(ModuleReference reference, String file) {

    public CandidateModule {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(file, "file");
    }

    public ModuleDescriptor descriptor() {
        return reference.descriptor();
    }

    public String name() {
        return reference.descriptor().name();
    }
}

package dev.layerhost.core.internal.archive;

import dev.layerhost.core.PluginMetadata;

import java.lang.module.ModuleDescriptor;
import java.util.Objects;

/**
 * What reading one jar as a module gave: its descriptor, or why the JDK cannot read it as a module
 * (the reason of an {@code INVALID_ARCHIVE}). This is what the discovery cache keeps per jar.
 */
public sealed interface JarReading {

    /** A jar the JDK reads as a module, and what its manifest says about it. */
    record Module(ModuleDescriptor descriptor, PluginMetadata metadata) implements JarReading {
        public Module {
            Objects.requireNonNull(descriptor, "descriptor");
            Objects.requireNonNull(metadata, "metadata");
        }

        /** A module whose manifest says nothing. */
        public Module(ModuleDescriptor descriptor) {
            this(descriptor, PluginMetadata.empty());
        }
    }

    /** A jar that is no module, and why. */
    record Invalid(String reason) implements JarReading {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package dev.layerhost.core.internal.archive;

import dev.layerhost.core.PluginMetadata;

import java.util.Optional;
import java.util.jar.Attributes;

/**
 * A plugin's metadata from its jar manifest's main attributes: the {@code Plugin-*} attributes first,
 * then the usual ones of the jar and OSGi specifications that build tools already write
 * ({@code Implementation-Title}, {@code Bundle-License}, ...), so most plugins have some without trying.
 */
final class ManifestMetadata {

    private ManifestMetadata() {
    }

    static PluginMetadata of(Attributes main) {
        return new PluginMetadata(
                first(main, "Plugin-Description", "Implementation-Title"),
                first(main, "Plugin-Vendor", "Implementation-Vendor"),
                first(main, "Plugin-License", "Bundle-License"),
                first(main, "Plugin-Homepage", "Implementation-URL", "Bundle-DocURL"));
    }

    /** The first of {@code names} with a value that is not blank. */
    private static Optional<String> first(Attributes main, String... names) {
        for (String name : names) {
            String value = main.getValue(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}

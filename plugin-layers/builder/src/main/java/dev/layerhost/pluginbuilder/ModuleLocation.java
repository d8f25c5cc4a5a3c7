package dev.layerhost.pluginbuilder;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where the classes of a type's module come from: the jar or classes folder to put on a compile module
 * path (or class path). A test kit that requires only {@code java.base} cannot name the host's API
 * module, so the caller hands in one of its types:
 *
 * <pre>{@code
 * Path apiJar = ModuleLocation.of(dev.layerhost.api.DataSource.class);   // target/classes or layerhost-api.jar
 * }</pre>
 */
public final class ModuleLocation {

    private ModuleLocation() {
    }

    /**
     * The jar or classes folder that {@code type} was loaded from; for a type on the class path, the
     * class path entry that holds it.
     *
     * @throws IllegalStateException if {@code type} has no code source (a platform class, for example)
     *     or its location is no file path
     */
    public static Path of(Class<?> type) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        if (codeSource == null || codeSource.getLocation() == null) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName()
                    + " (module " + type.getModule().getName() + "): it has no code source");
        }
        try {
            return Path.of(codeSource.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName()
                    + " at " + codeSource.getLocation(), e);
        }
    }
}

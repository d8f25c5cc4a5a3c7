package dev.layerhost.core.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A module in a jar whose descriptor is already known (read once, or taken from the discovery cache):
 * resolving and defining its layer reads nothing, and the jar is opened only when the layer's class
 * loader first needs a class or resource of it, as the JDK's own module path does.
 */
public final class JarModuleReference extends ModuleReference {

    private final Path jar;

    public JarModuleReference(ModuleDescriptor descriptor, Path jar) {
        super(descriptor, jar.toUri());
        this.jar = jar;
    }

    @Override
    public ModuleReader open() throws IOException {
        return new Reader(jar);
    }

    /**
     * Reads a modular jar the way the JDK's module path does: versioned entries of a multi-release jar
     * for the running Java version, and signed entries verified as they are read.
     */
    private static final class Reader implements ModuleReader {

        private final JarFile file;
        private final String base;

        Reader(Path jar) throws IOException {
            this.file = new JarFile(jar.toFile(), true, ZipFile.OPEN_READ, JarFile.runtimeVersion());
            this.base = "jar:" + jar.toUri() + "!/";
        }

        private Optional<JarEntry> entry(String name) {
            Objects.requireNonNull(name, "name");
            JarEntry entry = file.getJarEntry(name);
            if (entry == null && !name.endsWith("/")) {
                JarEntry directory = file.getJarEntry(name + "/");
                if (directory != null && directory.isDirectory()) {
                    entry = directory;
                }
            }
            return Optional.ofNullable(entry);
        }

        @Override
        public Optional<URI> find(String name) throws IOException {
            Optional<JarEntry> entry = entry(name);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            String path = file.isMultiRelease() ? entry.get().getRealName() : name;
            if (entry.get().isDirectory() && !path.endsWith("/")) {
                path += "/";
            }
            try {
                // a leading slash keeps a colon in the first segment from reading as a scheme
                return Optional.of(new URI(base + new URI(null, null, "/" + path, null).getRawPath().substring(1)));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<InputStream> open(String name) throws IOException {
            Optional<JarEntry> entry = entry(name);
            if (entry.isEmpty() || entry.get().isDirectory()) {
                return Optional.empty();
            }
            return Optional.of(file.getInputStream(entry.get()));
        }

        @Override
        public Stream<String> list() {
            return file.versionedStream().map(JarEntry::getName);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}

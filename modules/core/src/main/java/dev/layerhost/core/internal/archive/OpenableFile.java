package dev.layerhost.core.internal.archive;

import dev.layerhost.core.internal.scan.FileNames;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Gives the readers that open files by string name ({@code java.io.File}: the JDK's module finder, its
 * jar and zip files) a path they can open. Most paths are one already; a file whose name the locale's
 * file name encoding cannot express (bytes that are not UTF-8, or any non-ASCII name under
 * {@code LANG=C}) is read through a hard link to it named as {@link FileNames#openableName} says, the
 * name its private copy gets for a load, so that a scan and a load read the same bytes under the same name.
 */
public final class OpenableFile {

    private OpenableFile() {
    }

    /**
     * What {@code reader} makes of {@code file}, opened under a name {@code java.io.File} can express.
     *
     * @throws IOException if no such name could be made
     */
    public static <T> T read(Path file, Function<Path, T> reader) throws IOException {
        if (FileNames.roundTrips(file)) {
            return reader.apply(file);
        }
        Path folder = Files.createTempDirectory("layerhost-name-");
        try {
            Path link = folder.resolve(FileNames.openableName(file));
            // The file itself, not a link to it: a relative symbolic link would point elsewhere from here.
            Path target = file.toRealPath();
            try {
                Files.createLink(link, target);
            } catch (UnsupportedOperationException | IOException e) {
                // another file system than the temporary folder's: a copy of the measured size instead
                try (InputStream in = Files.newInputStream(target); OutputStream out = Files.newOutputStream(link)) {
                    MeasuredCopy.copy(in, Files.size(target), out);
                }
            }
            if (!FileNames.roundTrips(link)) {
                throw new IOException("its name cannot be opened under this locale's file name encoding");
            }
            return reader.apply(link);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var children = Files.list(folder)) {
            for (Path child : children.toList()) {
                Files.deleteIfExists(child);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a link left in the temporary folder holds no data of its own
        }
    }
}

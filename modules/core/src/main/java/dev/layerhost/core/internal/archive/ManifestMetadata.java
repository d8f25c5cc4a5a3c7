package dev.layerhost.core.internal.archive;

import dev.layerhost.core.PluginMetadata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * A plugin's metadata from its jar manifest's main attributes: the {@code Plugin-*} attributes first,
 * then the usual ones of the jar and OSGi specifications that build tools already write
 * ({@code Implementation-Title}, {@code Bundle-License}, ...), so most plugins have some without trying.
 */
final class ManifestMetadata {

    private ManifestMetadata() {
    }

    /** The attributes read, the ones of the metadata: nothing else of the manifest is parsed. */
    private static final List<String> NAMES = List.of("Plugin-Description", "Implementation-Title",
            "Plugin-Vendor", "Implementation-Vendor", "Plugin-License", "Bundle-License",
            "Plugin-Homepage", "Implementation-URL", "Bundle-DocURL");

    /**
     * The metadata of a manifest's bytes. Only the lines of the attributes above (and their continuation
     * lines) of the main section are parsed: {@code java.util.jar.Manifest} keeps an object per attribute of
     * every section, and a manifest of a million one-letter attributes, a few MB, would take hundreds of MB.
     */
    static PluginMetadata of(byte[] manifest) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        kept.writeBytes("Manifest-Version: 1.0\n".getBytes(StandardCharsets.US_ASCII));
        boolean keeping = false;
        int start = 0;
        while (start < manifest.length) {
            int end = start;
            while (end < manifest.length && manifest[end] != '\n' && manifest[end] != '\r') {
                end++;
            }
            if (end == start) {
                break; // an empty line ends the main section
            }
            if (manifest[start] != ' ') {
                keeping = isRead(manifest, start, end);
            }
            if (keeping) {
                kept.write(manifest, start, end - start);
                kept.write('\n');
            }
            start = end < manifest.length && manifest[end] == '\r' && end + 1 < manifest.length
                    && manifest[end + 1] == '\n' ? end + 2 : end + 1;
        }
        kept.write('\n');
        return of(new Manifest(new ByteArrayInputStream(kept.toByteArray())).getMainAttributes());
    }

    /** Whether the line {@code [start, end)} is the first line of one of the attributes read. */
    private static boolean isRead(byte[] manifest, int start, int end) {
        int colon = start;
        while (colon < end && manifest[colon] != ':') {
            colon++;
        }
        if (colon - start > 70) {
            return false; // longer than any attribute name may be
        }
        String name = new String(manifest, start, colon - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return NAMES.stream().anyMatch(read -> read.toLowerCase(Locale.ROOT).equals(name));
    }

    private static PluginMetadata of(Attributes main) {
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

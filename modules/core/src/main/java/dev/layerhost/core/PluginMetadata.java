package dev.layerhost.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What a plugin says about itself, read from the main attributes of its module's jar manifest without
 * running any of its code. Each value is trimmed and at most {@value #MAX_LENGTH} characters long; a
 * value that is blank is absent.
 *
 * <ul>
 *   <li>{@code description}: {@code Plugin-Description}, else {@code Implementation-Title}</li>
 *   <li>{@code vendor}: {@code Plugin-Vendor}, else {@code Implementation-Vendor}</li>
 *   <li>{@code license}: {@code Plugin-License}, else {@code Bundle-License}</li>
 *   <li>{@code homepage}: {@code Plugin-Homepage}, else {@code Implementation-URL}, else {@code Bundle-DocURL}</li>
 * </ul>
 *
 * <pre>{@code report.plugins().forEach(p -> System.out.println(p.source() + ": "
 *         + p.metadata().description().orElse("(no description)")));}</pre>
 *
 * @param description what the plugin does
 * @param vendor      who makes it
 * @param license     its licence, as the manifest names it (an SPDX id, say)
 * @param homepage    where to read more, as written (not checked to be a URL)
 */
public record PluginMetadata(Optional<String> description, Optional<String> vendor, Optional<String> license,
                             Optional<String> homepage) {

    /** The longest value kept, in characters; longer values are cut to this length. */
    public static final int MAX_LENGTH = 1_024;

    private static final PluginMetadata EMPTY =
            new PluginMetadata(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Trims each value, cuts one longer than {@link #MAX_LENGTH}, strips what the cut leaves trailing and drops a
     * blank one, so that rebuilding metadata from its own values gives equal metadata.
     *
     * @param description what the plugin does
     * @param vendor      who makes it
     * @param license     its licence
     * @param homepage    where to read more
     */
    public PluginMetadata {
        description = bounded(description);
        vendor = bounded(vendor);
        license = bounded(license);
        homepage = bounded(homepage);
    }

    /**
     * Metadata with no value at all.
     *
     * @return the metadata of a plugin whose manifest says nothing, or of an entry with no plugin
     */
    public static PluginMetadata empty() {
        return EMPTY;
    }

    /**
     * Whether no value is present.
     *
     * @return {@code true} when the manifest gave none of the four values
     */
    public boolean isEmpty() {
        return description.isEmpty() && vendor.isEmpty() && license.isEmpty() && homepage.isEmpty();
    }

    private static Optional<String> bounded(Optional<String> value) {
        Objects.requireNonNull(value, "value");
        // cut before the trailing strip: a cut can end in whitespace, and a value that is not already its own
        // normal form would come back different when the discovery cache rebuilds it from what it stored
        return value.map(String::strip)
                .map(PluginMetadata::cut)
                .map(String::stripTrailing)
                .filter(text -> !text.isEmpty());
    }

    private static String cut(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        // never half a surrogate pair: the rest would not be text
        int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return text.substring(0, end);
    }
}

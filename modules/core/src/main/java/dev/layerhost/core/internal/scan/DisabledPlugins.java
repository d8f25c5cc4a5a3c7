package dev.layerhost.core.internal.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin ids the user switched off: those the host was given, and those listed in the plugin root's
 * {@value #FILE_NAME} (as PF4J's), read anew on every pass. The file has one id per line; {@code #} starts
 * a comment, and blank lines and the spaces around an id are ignored. Whatever the file is (missing, a
 * folder, unreadable, huge, binary), reading it never fails a pass: at most its first {@value #MAX_BYTES}
 * bytes are read, bytes that are not UTF-8 read as U+FFFD, and what cannot be read at all disables
 * nothing (with a warning). An id that no plugin has disables nothing.
 *
 * <p>Only a regular file is read, and links are not followed: opening a FIFO (or a link to one) would
 * block the pass, under the registry's lock, until someone writes to it. So a {@value #FILE_NAME} that
 * is a symbolic link, even to a regular file, disables nothing (with a warning). The type is checked
 * again, without following links, right before the file is opened, and the open does not follow a link
 * either; what is left is the instant between that check and the open, in which someone who can write
 * to the root could still swap the file for a FIFO.
 */
public final class DisabledPlugins {

    /** The file of the plugin root that lists disabled plugins. */
    public static final String FILE_NAME = "disabled.txt";
    /** Far more than a list of every plugin id anyone has; the rest of a larger file is not read. */
    static final int MAX_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(DisabledPlugins.class);

    private final Set<String> configured;

    /** What a pass read: the disabled ids, and the stamp of the file they were read from. */
    public record Listing(Set<String> ids, String stamp) {
        public Listing {
            ids = Set.copyOf(ids);
            Objects.requireNonNull(stamp, "stamp");
        }
    }

    /** @param configured the ids the host disables itself, whatever the file says */
    public DisabledPlugins(Set<String> configured) {
        this.configured = Set.copyOf(configured);
    }

    /** The ids disabled now in {@code root}: the configured ones and the file's. */
    public Listing read(Path root) {
        Path file = root.resolve(FILE_NAME);
        // taken before the read: a change after it shows as another stamp, and is read again
        String stamp = stamp(root);
        Set<String> ids = new TreeSet<>(configured);
        if (!stamp.isEmpty()) {
            ids.addAll(idsIn(file));
        } else if (Files.isSymbolicLink(file)) {
            log.warn("{} is a symbolic link, which is not followed; no plugin is disabled by it", file);
        }
        return new Listing(ids, stamp);
    }

    /**
     * What {@code root}'s {@value #FILE_NAME} looks like without reading it (size, time, file key), or
     * {@code ""} when there is no such regular file (a link is not followed): two equal stamps taken apart
     * mean nobody wrote it.
     */
    public static String stamp(Path root) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(root.resolve(FILE_NAME), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return "";
            }
            return attributes.size() + ":" + attributes.lastModifiedTime().toInstant() + ":" + attributes.fileKey();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The ids {@code file} lists, if it is still a regular file and not a link; reading it never blocks on a FIFO. */
    static Set<String> idsIn(Path file) {
        byte[] bytes;
        boolean cut;
        try {
            // the file may have been swapped since it was stamped: a FIFO must not reach the open below
            if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                log.warn("{} is no longer a regular file; no plugin is disabled by it", file);
                return Set.of();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read {}: {}; no plugin is disabled by it", file, e.toString());
            return Set.of();
        }
        try (InputStream in = Channels.newInputStream(
                Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            bytes = in.readNBytes(MAX_BYTES);
            cut = in.read() >= 0;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read {}: {}; no plugin is disabled by it", file, e.toString());
            return Set.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (cut) {
            log.warn("{} is larger than {} bytes; only the lines of its first {} bytes are read", file, MAX_BYTES,
                    MAX_BYTES);
            // the last line may be cut in the middle of an id: it names no plugin the user meant
            int lastBreak = text.lastIndexOf('\n');
            text = lastBreak < 0 ? "" : text.substring(0, lastBreak);
        }
        return parse(text);
    }

    /** The ids of a list's text: one per line, {@code #} to the end of a line is a comment. */
    static Set<String> parse(String text) {
        Set<String> ids = new TreeSet<>();
        // Windows editors start a UTF-8 file with a byte order mark, which would cling to the first id
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String line : body.split("\r\n|\r|\n")) {
            int comment = line.indexOf('#');
            String id = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }
}

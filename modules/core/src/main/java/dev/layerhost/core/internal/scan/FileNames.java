package dev.layerhost.core.internal.scan;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of files as people read them, whatever the process's locale. A Linux file name is bytes;
 * Java's {@code Path.toString()} decodes them with the platform's file name encoding, which under
 * {@code LANG=C} is ASCII: {@code café.jar} then reads {@code caf??.jar}, and names that differ only in
 * bytes that are not valid in that encoding ({@code \xff.jar}, {@code \xfe.jar}) read the same. Here the
 * bytes themselves are decoded as UTF-8, the encoding of file names on every current system, and a byte
 * that is not valid UTF-8 is shown as {@code \xNN}, so distinct files keep distinct names.
 */
public final class FileNames {

    private FileNames() {
    }

    /** The last element of {@code path} as a person would read it. */
    public static String of(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return path.toString();
        }
        String decoded = name.toString();
        if (isPlainAscii(decoded)) {
            // ASCII bytes read the same in every encoding a file system uses: nothing was lost
            return literalEscapesMarked(decoded);
        }
        return fromBytes(rawBytes(path).orElse(null), decoded);
    }

    /**
     * {@code text} with each backslash that reads like the start of an escape ({@code \x} and two hex
     * digits) written {@code \x5c}: a file literally named {@code \xff.jar} then reads {@code \x5cxff.jar},
     * never as the file whose name is the byte 0xff. Other backslashes stay as they are.
     */
    private static String literalEscapesMarked(String text) {
        return text.indexOf('\\') < 0 ? text : AMBIGUOUS_BACKSLASH.matcher(text).replaceAll("\\\\x5c");
    }

    private static final Pattern AMBIGUOUS_BACKSLASH = Pattern.compile("\\\\(?=x[0-9A-Fa-f]{2})");

    /**
     * A string that names {@code path} (absolute, normalized) and no other file: distinct byte names stay
     * distinct, as {@code toString()} does not keep them under a non-UTF-8 locale.
     */
    public static String key(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String decoded = absolute.toString();
        if (isPlainAscii(decoded) || !"file".equals(absolute.getFileSystem().provider().getScheme())) {
            return decoded;
        }
        return absolute.toUri().getRawPath();
    }

    /**
     * Whether {@code path} can be opened by name through the APIs that take file names as strings
     * ({@code java.io.File}, which the JDK's module finder and jar reading use): its decoded name must
     * encode back to the same bytes in the platform's file name encoding.
     */
    public static boolean roundTrips(Path path) {
        String decoded = path.toString();
        if (isPlainAscii(decoded)) {
            return true;
        }
        try {
            return path.getFileSystem().getPath(decoded).equals(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * A file name for a link to {@code path} (or a copy of it) that {@link #roundTrips round-trips}: its
     * own name when it does; else its {@linkplain #of readable form}, with each character the platform's
     * file name encoding cannot hold written {@code \\uXXXX}. An automatic module's name comes from it.
     */
    public static Path openableName(Path path) {
        Path name = path.getFileName();
        if (roundTrips(name)) {
            return name;
        }
        String readable = of(path);
        try {
            Path candidate = name.getFileSystem().getPath(withinNameLimit(readable));
            if (roundTrips(candidate)) {
                return candidate;
            }
        } catch (InvalidPathException e) {
            // escaped below
        }
        StringBuilder ascii = new StringBuilder();
        readable.chars().forEach(c -> ascii.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return name.getFileSystem().getPath(withinNameLimit(ascii.toString()));
    }

    /**
     * {@code name}, or, if it is longer than a file name may be (255 bytes), its start, a hash of the
     * whole and its {@code .jar} ending: escapes make a name up to six times as long as its bytes.
     */
    private static String withinNameLimit(String name) {
        int limit = 255;
        if (name.getBytes(StandardCharsets.UTF_8).length <= limit) {
            return name;
        }
        String ending = name.endsWith(".jar") ? ".jar" : "";
        String hash = "~" + HexFormat.of().formatHex(sha256(name), 0, 8);
        String start = name.substring(0, name.length() - ending.length());
        while ((start + hash + ending).getBytes(StandardCharsets.UTF_8).length > limit) {
            start = start.substring(0, start.offsetByCodePoints(start.length(), -1));
        }
        return start + hash + ending;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean isPlainAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes of the last element of {@code path}: its {@code file:} URI carries the path's own bytes,
     * each outside the URI's plain characters percent-encoded, without going through any charset.
     */
    private static Optional<byte[]> rawBytes(Path path) {
        if (!"file".equals(path.getFileSystem().provider().getScheme())) {
            return Optional.empty();
        }
        String raw;
        try {
            raw = path.toUri().getRawPath();
        } catch (RuntimeException e) {
            // IOError or SecurityException of toAbsolutePath(): keep what Java decoded
            return Optional.empty();
        }
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1); // a directory's URI ends with a slash
        }
        String last = raw.substring(raw.lastIndexOf('/') + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(last.length());
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (c == '%' && i + 2 < last.length()) {
                bytes.write(Integer.parseInt(last, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return Optional.of(bytes.toByteArray());
    }

    /** {@link #literalEscapesMarked(String)} on bytes: a backslash is one ASCII byte in UTF-8. */
    private static byte[] literalEscapesMarked(byte[] bytes) {
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        String marked = literalEscapesMarked(latin1);
        return marked == latin1 ? bytes : marked.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code bytes} decoded as UTF-8, each invalid byte as {@code \xNN}; {@code fallback} without bytes. */
    static String fromBytes(byte[] bytes, String fallback) {
        if (bytes == null) {
            return fallback;
        }
        bytes = literalEscapesMarked(bytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    out.put(String.format("\\x%02x", in.get() & 0xff));
                }
            } else {
                throw new IllegalStateException("output buffer sized for the worst case overflowed: " + result);
            }
        }
        try {
            CoderResult flushed = decoder.flush(out);
            if (flushed.isError()) {
                flushed.throwException();
            }
        } catch (CharacterCodingException e) {
            return fallback;
        }
        return out.flip().toString();
    }
}

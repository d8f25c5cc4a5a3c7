package dev.layerhost.core.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of file contents, as lower-case hex: the name of a copy in the content store. */
public final class ContentHash {

    private ContentHash() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The hash of {@code file}'s bytes as they are read now, which must be {@code size} bytes.
     *
     * @throws MeasuredCopy.SizeMismatch if the file reads fewer or more bytes
     */
    public static String of(Path file, long size) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            MeasuredCopy.copy(in, size, sink);
        }
        return hex(digest);
    }
}

package dev.layerhost.core.internal.trust;

import dev.layerhost.core.internal.archive.OpenableFile;

import java.io.EOFException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds what a jar's bytes say about its signature ({@link JarSignature}) by reading it to the end, as
 * the JDK verifies it ({@link JarFile} in verifying mode), in bounded memory: one buffer for the bytes
 * of every entry, and a manifest and signature files of bounded size ({@link CentralDirectory}).
 *
 * <p>Whatever fails while reading rejects the jar, never skips the check: an entry that does not inflate,
 * inflates to more or other bytes than its headers declare, or does not match its signed digest; two
 * entries of one name; an unreadable file. A jar that claims a signature is then
 * {@link JarSignature.Invalid}; one that does not is {@link JarSignature.Damaged}, or
 * {@link JarSignature.Unreadable} when the file, not its bytes, failed.
 *
 * <p>Beyond the JDK's own checks, a signed jar must not hold a folder entry with content ({@code a/B.class/}:
 * the JDK finds it for {@code a/B.class} when that is missing, and no signature ever covers a folder), and
 * every entry its manifest signs must be there (without its {@code module-info.class}, say, a signed jar
 * would load as an automatic module that exports everything).
 */
final class JarSignatureReader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final boolean readUnsigned;

    /**
     * @param readUnsigned whether a jar without any signature file is read to the end too: under
     *                     {@code warn} it loads, so it must at least be intact; under {@code require} it
     *                     is rejected as unsigned anyway, so nothing but its central directory is read
     */
    JarSignatureReader(boolean readUnsigned) {
        this.readUnsigned = readUnsigned;
    }

    JarSignature read(Path jar) {
        try {
            // opened by a name java.io.File can express, as the module finder reads it (OpenableFile)
            return OpenableFile.read(jar, this::readOpenable);
        } catch (IOException e) {
            return failed(false, "the jar cannot be read: ", e);
        }
    }

    private JarSignature readOpenable(Path jar) {
        byte[] buffer = new byte[BUFFER_BYTES];
        CentralDirectory directory;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            directory = CentralDirectory.of(zip);
            if (!directory.claimsSignature() && !readUnsigned) {
                return new JarSignature.Unsigned();
            }
            Optional<String> problem = directory.problem().isPresent() ? directory.problem()
                    : directory.checkSigningFiles(zip, buffer);
            if (problem.isPresent()) {
                return broken(directory.claimsSignature(), problem.get());
            }
        } catch (IOException | RuntimeException e) {
            // its central directory or signature files cannot be read: whether it claims a signature may be unknown
            return failed(false, "the jar cannot be read: ", e);
        }
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            return verify(file, directory, buffer);
        } catch (IOException | RuntimeException e) {
            // The JDK's zip and jar code throws unchecked exceptions too on some malformed input; whatever
            // it throws about this jar, the jar is rejected.
            return failed(directory.claimsSignature(), "", e);
        }
    }

    private static JarSignature verify(JarFile file, CentralDirectory directory, byte[] buffer) throws IOException {
        boolean claimsSignature = directory.claimsSignature();
        Set<CodeSigner> common = null;
        Optional<String> uncovered = Optional.empty();
        boolean anySigner = false;
        for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            EntryRead read;
            // Signers are known only once an entry has been read to its end; a bad digest throws on the way.
            try (InputStream in = file.getInputStream(entry)) {
                read = EntryRead.through(entry, in, buffer);
            } catch (SecurityException e) {
                return broken(claimsSignature, String.valueOf(e.getMessage()));
            } catch (ZipException | EOFException | RuntimeException e) {
                return broken(claimsSignature, "entry " + name + " cannot be read: " + describe(e));
            }
            if (read.problem().isPresent()) {
                return broken(claimsSignature, read.problem().get());
            }
            if (!claimsSignature || SignatureFiles.isSigningRelated(name) || entry.isDirectory() && read.bytes() == 0) {
                continue;
            }
            CodeSigner[] signers = entry.getCodeSigners();
            if (signers == null || signers.length == 0) {
                if (uncovered.isEmpty()) {
                    uncovered = Optional.of(entry.isDirectory()
                            ? "folder entry " + name + " holds " + read.bytes() + " bytes, which no signature covers"
                            : "entry " + name + " is not covered by any signature");
                }
                common = new LinkedHashSet<>();
            } else {
                anySigner = true;
                if (common == null) {
                    common = new LinkedHashSet<>(List.of(signers));
                } else {
                    common.retainAll(List.of(signers));
                }
            }
        }
        if (!claimsSignature || !anySigner && !directory.hasSignatureBlock()) {
            // signature files without a block to verify them: no entry can have a signer, as if unsigned
            return new JarSignature.Unsigned();
        }
        if (uncovered.isPresent()) {
            return new JarSignature.Invalid(uncovered.get());
        }
        if (common == null || common.isEmpty()) {
            return new JarSignature.Invalid("no signer covers every entry");
        }
        Optional<String> missing = missingSignedEntry(file.getManifest(), directory.names());
        if (missing.isPresent()) {
            return new JarSignature.Invalid("entry " + missing.get() + " is signed but missing from the jar");
        }
        return new JarSignature.Signed(List.copyOf(common));
    }

    /** The first entry, by name, that {@code manifest} gives a digest for and that is not in the jar. */
    private static Optional<String> missingSignedEntry(Manifest manifest, Set<String> names) {
        if (manifest == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Attributes> section : new TreeMap<>(manifest.getEntries()).entrySet()) {
            boolean digested = section.getValue().keySet().stream()
                    .anyMatch(key -> key.toString().toUpperCase(Locale.ROOT).endsWith("-DIGEST"));
            if (digested && !names.contains(section.getKey())) {
                return Optional.of(section.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * The verdict on a jar whose reading threw {@code failure}: an I/O failure of the file itself
     * ({@code Unreadable}), or bytes that cannot be read (broken).
     */
    private static JarSignature failed(boolean claimsSignature, String context, Exception failure) {
        String reason = context + describe(failure);
        boolean ofTheFile = failure instanceof IOException && !(failure instanceof ZipException)
                && !(failure instanceof EOFException);
        return ofTheFile ? new JarSignature.Unreadable(reason) : broken(claimsSignature, reason);
    }

    private static JarSignature broken(boolean claimsSignature, String reason) {
        return claimsSignature ? new JarSignature.Invalid(reason) : new JarSignature.Damaged(reason);
    }

    /** A failure on one line: its class and message. */
    static String describe(Exception failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? ""
                : ": " + message.replace('\n', ' ').strip());
    }
}

package dev.layerhost.core.internal.trust;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a jar's central directory says, read before the JDK verifies anything: the names of its entries,
 * whether it claims a signature, and what would make its signature unverifiable from the start.
 *
 * <p>The JDK (its class loaders, and the verification here) finds an entry by looking its name up in
 * the central directory: two entries of one name leave it to that look-up which bytes count, and the
 * other copy is never verified. The JDK also reads the manifest and each signature file whole into
 * memory, trusting for a large one whatever size it inflates to: they are read through here first,
 * bounded by {@link SignatureFiles#MAX_FILE_BYTES}.
 *
 * @param names            every entry name
 * @param signingFiles     the names of the manifest and signature files
 * @param claimsSignature  whether it holds a signature file (not only a manifest)
 * @param hasSignatureBlock whether it holds a signature block, so that an entry may have a signer
 * @param problem          why the jar cannot be verified, whatever its entries hold: two entries of one
 *                         name, too many signature files
 */
record CentralDirectory(Set<String> names, List<String> signingFiles, boolean claimsSignature,
                        boolean hasSignatureBlock, Optional<String> problem) {

    CentralDirectory {
        names = Set.copyOf(names);
        signingFiles = List.copyOf(signingFiles);
        Objects.requireNonNull(problem, "problem");
    }

    static CentralDirectory of(ZipFile zip) {
        Set<String> names = new HashSet<>();
        Set<String> signingUpper = new HashSet<>();
        List<String> signingFiles = new ArrayList<>();
        int signatureFiles = 0;
        boolean block = false;
        String problem = null;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!names.add(name)) {
                problem = problem != null ? problem : "entry " + name + " appears twice in the jar";
                continue;
            }
            if (!SignatureFiles.isSigningRelated(name)) {
                continue;
            }
            // The JDK finds the manifest and signature files ignoring case: a second one is a second manifest.
            if (!signingUpper.add(name.toUpperCase(Locale.ROOT))) {
                problem = problem != null ? problem : "two entries are named " + name + ", ignoring case";
            }
            signingFiles.add(name);
            if (SignatureFiles.isSignatureFile(name)) {
                signatureFiles++;
                block |= SignatureFiles.isSignatureBlock(name);
            }
        }
        if (problem == null && signatureFiles > SignatureFiles.MAX_FILES) {
            problem = "it holds " + signatureFiles + " signature files, more than the " + SignatureFiles.MAX_FILES
                    + " layerhost reads";
        }
        return new CentralDirectory(names, signingFiles, signatureFiles > 0, block, Optional.ofNullable(problem));
    }

    /**
     * Reads the manifest and every signature file to its end, in {@code buffer}: each must be at most
     * {@link SignatureFiles#MAX_FILE_BYTES} and intact, before the JDK reads it whole.
     *
     * @return what is wrong with the first that is not, naming it
     * @throws IOException if the file itself cannot be read (not its bytes: those give a problem)
     */
    Optional<String> checkSigningFiles(ZipFile zip, byte[] buffer) throws IOException {
        for (String name : signingFiles) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return Optional.of("entry " + name + " cannot be found by its own name");
            }
            if (entry.getSize() < 0 || entry.getSize() > SignatureFiles.MAX_FILE_BYTES) {
                return Optional.of("entry " + name + " declares " + entry.getSize() + " bytes, more than the "
                        + SignatureFiles.MAX_FILE_BYTES + " a manifest or signature file may have");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Optional<String> problem = EntryRead.through(entry, in, buffer).problem();
                if (problem.isPresent()) {
                    return problem;
                }
            } catch (ZipException | EOFException | RuntimeException e) {
                return Optional.of("entry " + name + " cannot be read: " + JarSignatureReader.describe(e));
            }
        }
        return Optional.empty();
    }
}

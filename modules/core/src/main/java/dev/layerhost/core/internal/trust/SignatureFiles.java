package dev.layerhost.core.internal.trust;

import java.util.Locale;

/**
 * Which entries of a jar make up its signature, by the JDK's rule ({@code SignatureFileVerifier
 * .isSigningRelated}): the manifest and the signature files directly in {@code META-INF/}, compared
 * ignoring case. These are the only entries a signature does not cover; and how large they may be,
 * since the JDK reads each of them whole into memory.
 */
final class SignatureFiles {

    static final String MANIFEST = "META-INF/MANIFEST.MF";

    /**
     * The largest signature file or manifest read: the JDK's own default limit
     * ({@code jdk.jar.maxSignatureFileSize}), checked here whatever that property says, before the JDK
     * reads any of them whole.
     */
    static final long MAX_FILE_BYTES = 16_000_000;

    /**
     * The most signature files (not counting the manifest) a jar may hold: each makes the JDK digest the
     * whole manifest again. Two per signer; no jar has sixteen signers.
     */
    static final int MAX_FILES = 32;

    private SignatureFiles() {
    }

    /** Whether {@code name} is the manifest or a signature file: no signature covers it. */
    static boolean isSigningRelated(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/")) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        if (file.indexOf('/') >= 0) {
            return false;
        }
        return file.equals("MANIFEST.MF") || isBlockOrSignatureFile(file) || isSigFile(file);
    }

    /** Whether {@code name} is a signature file or block: what makes a jar claim to be signed. */
    static boolean isSignatureFile(String name) {
        return isSigningRelated(name) && !name.toUpperCase(Locale.ROOT).equals(MANIFEST);
    }

    /** Whether {@code name} is a signature block (a signer's signature and certificates): a jar without one has no signer. */
    static boolean isSignatureBlock(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return isSigningRelated(name) && (upper.endsWith(".DSA") || upper.endsWith(".RSA") || upper.endsWith(".EC"));
    }

    private static boolean isBlockOrSignatureFile(String file) {
        return file.endsWith(".SF") || file.endsWith(".DSA") || file.endsWith(".RSA") || file.endsWith(".EC");
    }

    /** {@code SIG-*}, with no extension or one of one to three letters or digits, as the JDK has it. */
    private static boolean isSigFile(String file) {
        if (!file.startsWith("SIG-")) {
            return false;
        }
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            return true;
        }
        String extension = file.substring(dot + 1);
        if (extension.isEmpty() || extension.length() > 3) {
            return false;
        }
        for (char c : extension.toCharArray()) {
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}

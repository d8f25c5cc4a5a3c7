package dev.layerhost.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One jar of a plugin's entry, as the audit log names it.
 *
 * @param file   the jar as diagnostics name it, relative to the plugin root: {@code alpha.jar}, or
 *               {@code alpha/lib-x.jar} in a folder entry
 * @param size   its size in bytes
 * @param sha256 the SHA-256 of its bytes, lower-case hex
 * @param signer who signed it: a signer whose signature covers every entry of the jar and verifies
 *               (whether or not the trust store trusts it); empty for an unsigned jar or a signature that
 *               does not verify
 */
public record AuditedJar(String file, long size, String sha256, Optional<Signer> signer) {

    /**
     * The signer of a jar.
     *
     * @param subject the subject of the signer's certificate ({@code CN=Acme Plugins}, RFC 2253)
     * @param sha256  the SHA-256 of the certificate's encoded form (DER), lower-case hex: its fingerprint
     */
    public record Signer(String subject, String sha256) {
        /**
         * Checks that no component is null.
         *
         * @param subject the subject of the signer's certificate
         * @param sha256  the certificate's fingerprint
         */
        public Signer {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * Checks that no component is null.
     *
     * @param file   the jar, relative to the plugin root
     * @param size   its size in bytes
     * @param sha256 the SHA-256 of its bytes
     * @param signer who signed it, or empty
     */
    public AuditedJar {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(signer, "signer");
    }
}

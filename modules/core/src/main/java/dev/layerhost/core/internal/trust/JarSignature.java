package dev.layerhost.core.internal.trust;

import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a jar's bytes say about its signature, whatever the trust store holds: the same bytes always give
 * the same verdict (but for {@link Unreadable}), so a verdict can be kept by the jar's content. Whether a
 * signer is trusted is decided from {@link Signed#signers()} on every check.
 */
public sealed interface JarSignature {

    /**
     * Whether the verdict follows from the jar's bytes alone, so that the same content always gives it:
     * true for all but {@link Unreadable}, whose cause (a disk, a permission) may be gone next time.
     */
    default boolean fromContent() {
        return !(this instanceof Unreadable);
    }

    /** No signature file at all: a jar nobody signed. */
    record Unsigned() implements JarSignature {
    }

    /**
     * Every entry is covered by each of {@code signers}, its bytes match the signed digests, and every
     * entry the signature names is there.
     *
     * @param signers the signers common to every entry, never empty; each with its certificate path,
     *                the signer's own certificate first
     */
    record Signed(List<CodeSigner> signers) implements JarSignature {
        public Signed {
            signers = List.copyOf(signers);
            if (signers.isEmpty()) {
                throw new IllegalArgumentException("a signed jar has a signer");
            }
        }

        /** Each signer's own certificate, in the order of {@link #signers()}. */
        public List<Certificate> certificates() {
            return signers.stream().map(Signed::certificateOf).toList();
        }

        /** How diagnostics name a signer: its certificate's subject, or the certificate's type. */
        public static String subjectOf(CodeSigner signer) {
            Certificate certificate = certificateOf(signer);
            return certificate instanceof X509Certificate x509 ? x509.getSubjectX500Principal().getName()
                    : certificate.getType();
        }

        private static Certificate certificateOf(CodeSigner signer) {
            return signer.getSignerCertPath().getCertificates().get(0);
        }
    }

    /**
     * The jar claims a signature (it holds signature files) that does not hold: a digest that does not
     * match, an entry no signature covers, a signed entry missing, or bytes that cannot be read intact.
     * {@code SIGNATURE_INVALID}.
     *
     * @param reason what is wrong, naming the entry
     */
    record Invalid(String reason) implements JarSignature {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An unsigned jar whose bytes cannot be read intact (an entry that does not inflate, or inflates to
     * other bytes or another size than its headers say, two entries of one name): it cannot be shown to
     * be what it claims. {@code INVALID_ARCHIVE}.
     *
     * @param reason what is wrong, naming the entry
     */
    record Damaged(String reason) implements JarSignature {
        public Damaged {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The file could not be read (it vanished, a disk error): nothing is known of its bytes, so it is
     * rejected now and read again next time. {@code INVALID_ARCHIVE}.
     *
     * @param reason the failure
     */
    record Unreadable(String reason) implements JarSignature {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package dev.layerhost.core.internal.trust;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.Policy;
import dev.layerhost.core.Severity;
import dev.layerhost.core.SignatureMode;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.scan.Entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Verifies the signatures of an entry's jars under the host's {@link Policy}: every entry of a jar must
 * be covered by one signer whose certificate path leads, link by verified link, to a trusted certificate.
 * This reads every byte of every jar (that is how {@link JarFile} verifies), so it runs only when
 * signatures are checked.
 */
public final class SignatureInspector {

    private final Policy policy;

    public SignatureInspector(Policy policy) {
        this.policy = policy;
    }

    public List<Diagnostic> inspect(Candidate candidate, Optional<String> pluginId) {
        if (policy.signatures() == SignatureMode.OFF) {
            return List.of();
        }
        Severity severity = policy.signatures() == SignatureMode.REQUIRE ? Severity.ERROR : Severity.WARNING;
        Entry entry = candidate.entry();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Path jar : entry.jars()) {
            String file = entry.label(jar);
            String source = entry.name();
            Optional<JarSignature> signature = verify(jar);
            if (signature.isEmpty()) {
                continue;
            }
            JarSignature found = signature.get();
            if (found.invalid().isPresent()) {
                diagnostics.add(Diagnostics.signatureInvalid(source, pluginId, file, found.invalid().get()));
            } else if (found.signers().isEmpty()) {
                diagnostics.add(Diagnostics.unsigned(source, pluginId, file, severity));
            } else if (found.signers().stream().noneMatch(this::trusted)) {
                diagnostics.add(Diagnostics.untrustedSigner(source, pluginId, file,
                        found.signers().stream().map(SignatureInspector::describe).sorted().toList(), severity));
            }
        }
        return diagnostics;
    }

    /** A jar's signers common to all its entries, or why its signature is broken; no signer means unsigned. */
    private record JarSignature(Set<CodeSigner> signers, Optional<String> invalid) {
    }

    /**
     * The certificate of a signer whose signature covers every entry of {@code jar} and verifies, trusted
     * or not, whatever the policy: who signed it, for the audit log. Empty for an unsigned jar, a signature
     * that does not verify, or a jar that cannot be read.
     */
    public static Optional<Certificate> signerCertificate(Path jar) {
        return verify(jar).filter(found -> found.invalid().isEmpty())
                .flatMap(found -> found.signers().stream().findFirst())
                .map(signer -> signer.getSignerCertPath().getCertificates().get(0));
    }

    /** Empty when the jar cannot be read at all: {@code INVALID_ARCHIVE} already says so. */
    private static Optional<JarSignature> verify(Path path) {
        try (JarFile jar = new JarFile(path.toFile(), true)) {
            Set<CodeSigner> common = null;
            String unsigned = null;
            byte[] buffer = new byte[8192];
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                // Signers are known only once the entry has been read to the end; a bad digest throws here.
                try (InputStream in = jar.getInputStream(entry)) {
                    while (in.read(buffer) != -1) {
                        // read to the end
                    }
                }
                if (isSignatureFile(entry.getName())) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned = unsigned == null ? entry.getName() : unsigned;
                    common = new LinkedHashSet<>();
                } else if (common == null) {
                    common = new LinkedHashSet<>(List.of(signers));
                } else {
                    common.retainAll(List.of(signers));
                }
            }
            boolean anySigned = jar.getManifest() != null && jar.stream().anyMatch(e -> isSignatureBlock(e.getName()));
            if (!anySigned) {
                return Optional.of(new JarSignature(Set.of(), Optional.empty()));
            }
            if (unsigned != null) {
                return Optional.of(new JarSignature(Set.of(),
                        Optional.of("entry " + unsigned + " is not covered by any signature")));
            }
            if (common == null || common.isEmpty()) {
                return Optional.of(new JarSignature(Set.of(), Optional.of("no signer covers every entry")));
            }
            return Optional.of(new JarSignature(common, Optional.empty()));
        } catch (SecurityException e) {
            return Optional.of(new JarSignature(Set.of(), Optional.of(String.valueOf(e.getMessage()))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a trusted certificate vouches for the signer: it is on the signer's path, and each
     * certificate before it on the path was signed by the key of the one after it.
     */
    private boolean trusted(CodeSigner signer) {
        // The path is built from whatever certificates the signature block carries, matched by name only:
        // a signer can name a trusted CA that never issued its certificate, so every link is verified.
        List<? extends Certificate> path = signer.getSignerCertPath().getCertificates();
        for (int i = 0; i < path.size(); i++) {
            if (policy.trusted().contains(path.get(i))) {
                return true;
            }
            if (i + 1 < path.size() && !issuedBy(path.get(i), path.get(i + 1))) {
                return false;
            }
        }
        return false;
    }

    private static boolean issuedBy(Certificate certificate, Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String describe(CodeSigner signer) {
        Certificate first = signer.getSignerCertPath().getCertificates().get(0);
        return first instanceof X509Certificate x509 ? x509.getSubjectX500Principal().getName() : first.getType();
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("META-INF/MANIFEST.MF") || isSignatureBlock(name);
    }

    private static boolean isSignatureBlock(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }
}

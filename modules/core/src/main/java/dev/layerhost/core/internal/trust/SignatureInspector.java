package dev.layerhost.core.internal.trust;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.Policy;
import dev.layerhost.core.Severity;
import dev.layerhost.core.SignatureMode;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.timing.PhaseTimes;
import dev.layerhost.core.internal.timing.PhaseTimes.Phase;

import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the signatures of an entry's jars under the host's {@link Policy}: every entry of a jar must be
 * covered by one signer whose certificate path leads, link by verified link, to a trusted certificate.
 *
 * <p>Verifying reads every byte of a jar ({@link JarSignatureReader}), so it runs only when signatures
 * are checked, and a jar whose content is known by its hash (a private copy in the content store) is
 * verified once: its verdict is kept ({@link VerifiedJars}) and a reload that copies the same bytes
 * again does not read them again. A jar read in place (list, doctor, graph) is verified on every check:
 * its file may change under the reader. Each jar verified counts in the pass's {@code verify} phase.
 * Thread-safe: the host's scans and loads may check at once.
 */
public final class SignatureInspector {

    private final Policy policy;
    private final boolean readUnsigned;
    private final JarSignatureReader reader;
    private final VerifiedJars verified = new VerifiedJars(VerifiedJars.DEFAULT_CAPACITY);

    public SignatureInspector(Policy policy) {
        this.policy = policy;
        // Under warn an unsigned jar loads: it must be read to the end to show that it is intact.
        this.readUnsigned = policy.signatures() == SignatureMode.WARN;
        this.reader = new JarSignatureReader(readUnsigned);
    }

    /**
     * The signature diagnostics of {@code candidate}'s jars that could be read as modules (the others
     * have their {@code INVALID_ARCHIVE} already): at most one per jar, naming it.
     *
     * @param times where the time and count of the jars verified now are added ({@code verify})
     */
    public List<Diagnostic> inspect(Candidate candidate, Optional<String> pluginId, PhaseTimes times) {
        if (policy.signatures() == SignatureMode.OFF) {
            return List.of();
        }
        Entry entry = candidate.entry();
        Set<String> modular = candidate.modules().stream().map(CandidateModule::file).collect(Collectors.toSet());
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Path jar : entry.jars()) {
            String file = entry.label(jar);
            if (modular.contains(file)) {
                JarSignature signature = signatureOf(jar, Optional.ofNullable(candidate.contents().get(jar)), times);
                diagnose(signature, entry.name(), pluginId, file).ifPresent(diagnostics::add);
            }
        }
        return diagnostics;
    }

    /**
     * What {@code jar}'s bytes say about its signature: kept from an earlier verification of the same
     * content {@code sha256}, or read now.
     *
     * @param sha256 the jar's content hash, if its file never changes (a content-store copy); empty for
     *               a file that may change, which is then read every time
     */
    public JarSignature signatureOf(Path jar, Optional<String> sha256, PhaseTimes times) {
        Optional<JarSignature> known = sha256.flatMap(hash -> verified.find(hash, readUnsigned));
        if (known.isPresent()) {
            return known.get();
        }
        long start = System.nanoTime();
        JarSignature signature = reader.read(jar);
        times.add(Phase.VERIFY, 1, System.nanoTime() - start);
        sha256.ifPresent(hash -> verified.keep(hash, readUnsigned, signature));
        return signature;
    }

    /**
     * What {@code jar}'s bytes say about who signed it, trusted or not, whatever the policy: for the audit
     * log ({@link #signerCertificate}).
     */
    public static JarSignature signatureOf(Path jar) {
        return new JarSignatureReader(false).read(jar);
    }

    /**
     * The certificate of a signer whose signature covers every entry and verifies; of several signers,
     * the first by subject. Empty for an unsigned jar, a signature that does not verify, or a jar that
     * cannot be read intact.
     */
    public static Optional<Certificate> signerCertificate(JarSignature signature) {
        return signature instanceof JarSignature.Signed signed
                ? signed.signers().stream().sorted(Comparator.comparing(JarSignature.Signed::subjectOf))
                        .findFirst().map(signer -> signer.getSignerCertPath().getCertificates().get(0))
                : Optional.empty();
    }

    private Optional<Diagnostic> diagnose(JarSignature signature, String source, Optional<String> pluginId, String file) {
        Severity severity = policy.signatures() == SignatureMode.REQUIRE ? Severity.ERROR : Severity.WARNING;
        if (signature instanceof JarSignature.Unsigned) {
            return Optional.of(Diagnostics.unsigned(source, pluginId, file, severity));
        }
        if (signature instanceof JarSignature.Signed signed) {
            if (signed.signers().stream().anyMatch(this::trusted)) {
                return Optional.empty();
            }
            return Optional.of(Diagnostics.untrustedSigner(source, pluginId, file,
                    signed.signers().stream().map(JarSignature.Signed::subjectOf).sorted().toList(), severity));
        }
        if (signature instanceof JarSignature.Invalid invalid) {
            return Optional.of(Diagnostics.signatureInvalid(source, pluginId, file, invalid.reason()));
        }
        // Damaged or unreadable: an archive that cannot be read intact, whatever the mode
        String reason = signature instanceof JarSignature.Damaged damaged ? damaged.reason()
                : ((JarSignature.Unreadable) signature).reason();
        Diagnostic unreadable = Diagnostics.invalidArchive(source, file, reason);
        return Optional.of(pluginId.map(id -> Diagnostics.about(unreadable, id)).orElse(unreadable));
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
        } catch (GeneralSecurityException | RuntimeException e) {
            // a certificate that cannot even be checked against that key (another key type, a broken
            // encoding from a hostile signature block) was not issued by it
            return false;
        }
    }
}

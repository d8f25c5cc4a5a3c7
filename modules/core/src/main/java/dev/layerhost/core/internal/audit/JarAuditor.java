package dev.layerhost.core.internal.audit;

import dev.layerhost.core.AuditedJar;
import dev.layerhost.core.internal.archive.ContentHash;
import dev.layerhost.core.internal.trust.JarSignature;
import dev.layerhost.core.internal.trust.SignatureInspector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes an entry's jars for the audit log: file name, size, SHA-256 and signer. Finding the signer
 * reads and verifies every byte of a jar, so what it found is kept by content hash: a jar that a host
 * saw before (the same contents loaded again, reloaded, unloaded) is not verified again. Thread-safe.
 */
final class JarAuditor {

    private static final Logger log = LoggerFactory.getLogger(JarAuditor.class);

    /** How many contents' signers are kept: far more than a root's jars change during a host's life. */
    private static final int KNOWN_CONTENTS = 16_384;

    /** Size and signer by content hash, least recently used first; guarded by its own lock. */
    private final Map<String, Known> known = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > KNOWN_CONTENTS;
        }
    };

    private record Known(long size, Optional<AuditedJar.Signer> signer) {
    }

    /** Every jar of {@code files} that can be read, in the entry's order. */
    List<AuditedJar> describe(EntryFiles files) {
        List<AuditedJar> jars = new ArrayList<>();
        List<Path> paths = files.entry().jars();
        for (int i = 0; i < paths.size(); i++) {
            Path jar = paths.get(i);
            String label = files.entry().label(jar);
            try {
                String sha256 = files.sha256().isPresent() ? files.sha256().get().get(i) : ContentHash.of(jar, Files.size(jar));
                Known facts = knownOrRead(sha256, jar);
                jars.add(new AuditedJar(label, facts.size(), sha256, facts.signer()));
            } catch (IOException e) {
                // no permission, or gone meanwhile: its diagnostic (INVALID_ARCHIVE) names it
                log.debug("Jar '{}' is left out of the audit record: {}", label, e.toString());
            }
        }
        return jars;
    }

    private Known knownOrRead(String sha256, Path jar) throws IOException {
        synchronized (known) {
            Known facts = known.get(sha256);
            if (facts != null) {
                return facts;
            }
        }
        JarSignature signature = SignatureInspector.signatureOf(jar);
        Known facts = new Known(Files.size(jar), SignatureInspector.signerCertificate(signature).map(JarAuditor::signer));
        if (signature.fromContent()) {
            // what a failure to read says (a disk, a permission) is not what these bytes are
            synchronized (known) {
                known.put(sha256, facts);
            }
        }
        return facts;
    }

    private static AuditedJar.Signer signer(Certificate certificate) {
        String subject = certificate instanceof X509Certificate x509
                ? x509.getSubjectX500Principal().getName()
                : certificate.getType();
        try {
            MessageDigest digest = ContentHash.newDigest();
            return new AuditedJar.Signer(subject, HexFormat.of().formatHex(digest.digest(certificate.getEncoded())));
        } catch (CertificateEncodingException e) {
            // a certificate that a jar's signature verified with has an encoding: this is a broken JDK provider
            throw new IllegalStateException("cannot encode the certificate of " + subject, e);
        }
    }
}

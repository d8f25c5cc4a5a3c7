package dev.layerhost.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Reads the trusted certificates of a key store file (PKCS12 or JKS, detected from its content). */
public final class TrustStore {

    private TrustStore() {
    }

    /**
     * Every certificate of the key store at {@code file}: trusted certificate entries and the certificate
     * chains of key entries.
     *
     * @param file     a PKCS12 or JKS key store
     * @param password the store's password; empty when it has none
     * @return the certificates a signer's certificate path must hold one of to be trusted
     * @throws HostSetupException if the file is missing, unreadable, not a key store, or the password is wrong;
     *                             or if it holds no certificate (a PKCS12 store read without its password)
     */
    public static Set<Certificate> load(Path file, Optional<char[]> password) {
        if (file.toString().isEmpty()) {
            throw new HostSetupException("trust store is an empty path; name a PKCS12 or JKS file", file);
        }
        if (!Files.isRegularFile(file)) {
            throw new HostSetupException((Files.exists(file) ? "trust store is not a file: "
                    : "trust store does not exist: ") + file, file);
        }
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password.orElse(null));
            Set<Certificate> certificates = new HashSet<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate[] chain = store.getCertificateChain(alias);
                if (chain != null) {
                    Collections.addAll(certificates, chain);
                }
                Certificate certificate = store.getCertificate(alias);
                if (certificate != null) {
                    certificates.add(certificate);
                }
            }
            if (certificates.isEmpty()) {
                // A PKCS12 store read without its password shows no certificates at all rather than failing:
                // trusting nothing would silently turn every signed plugin into UNTRUSTED_SIGNER.
                throw new HostSetupException("trust store " + file + " holds no certificate"
                        + (password.isEmpty() ? " that can be read without its password" : ""),
                        file);
            }
            return Set.copyOf(certificates);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // The JDK says "Please load it with a specified type" of a file that is no key store at all.
            if (reason.contains("specified type")) {
                reason = "not a PKCS12 or JKS key store";
            }
            throw new HostSetupException("cannot read trust store " + file + ": " + reason.replace('\n', ' '), file);
        }
    }
}

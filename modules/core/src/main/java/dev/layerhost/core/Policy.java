package dev.layerhost.core;

import java.security.cert.Certificate;
import java.util.Objects;
import java.util.Set;

/**
 * What the host refuses to load, whatever the plugins' descriptors say.
 *
 * @param deniedModules names of modules no plugin may require or bundle ({@code FORBIDDEN_MODULE})
 * @param signatures    how jar signatures are checked
 * @param trusted       the certificates a signer must chain to ({@link TrustStore#load}); with none, every
 *                      signer is untrusted
 */
public record Policy(Set<String> deniedModules, SignatureMode signatures, Set<Certificate> trusted) {

    public Policy {
        deniedModules = Set.copyOf(deniedModules);
        Objects.requireNonNull(signatures, "signatures");
        trusted = Set.copyOf(trusted);
    }

    /** A policy that only denies the named modules; signatures are not checked. */
    public Policy(Set<String> deniedModules) {
        this(deniedModules, SignatureMode.OFF, Set.of());
    }

    /** The policy that denies nothing and does not check signatures. */
    public static Policy permissive() {
        return new Policy(Set.of());
    }

    /** A policy that denies the named modules. */
    public static Policy denying(Set<String> moduleNames) {
        return new Policy(moduleNames);
    }

    /** This policy, checking signatures in {@code mode} against {@code trustedCertificates}. */
    public Policy withSignatures(SignatureMode mode, Set<Certificate> trustedCertificates) {
        return new Policy(deniedModules, mode, trustedCertificates);
    }
}

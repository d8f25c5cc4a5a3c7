package dev.layerhost.core;

import java.security.cert.Certificate;
import java.util.Objects;
import java.util.Set;

/**
 * What the host refuses to load, whatever the plugins' descriptors say.
 *
 * <pre>{@code
 * Policy policy = Policy.denying(Set.of("java.sql"))
 *         .withAllowedServices(Set.of("com.example.api.Greeter"))
 *         .withSignatures(SignatureMode.REQUIRE, TrustStore.load(trustStore, Optional.of(password)));
 * }</pre>
 *
 * @param deniedModules   names of modules no plugin may require or bundle ({@code FORBIDDEN_MODULE})
 * @param signatures      how jar signatures are checked
 * @param trusted         the certificates a signer must chain to ({@link TrustStore#load}); with none, every
 *                        signer is untrusted
 * @param allowedServices the API service types plugins may provide ({@code FORBIDDEN_SERVICE} for any other
 *                        that a module of a plugin's layer provides); empty: every API service type
 */
public record Policy(Set<String> deniedModules, SignatureMode signatures, Set<Certificate> trusted,
                     Set<String> allowedServices) {

    /**
     * Copies the sets.
     *
     * @param deniedModules   names of modules no plugin may require or bundle
     * @param signatures      how jar signatures are checked
     * @param trusted         the certificates a signer must chain to
     * @param allowedServices the API service types plugins may provide; empty: every one
     */
    public Policy {
        deniedModules = Set.copyOf(deniedModules);
        Objects.requireNonNull(signatures, "signatures");
        trusted = Set.copyOf(trusted);
        allowedServices = Set.copyOf(allowedServices);
    }

    /**
     * A policy that allows every service type.
     *
     * @param deniedModules names of modules no plugin may require or bundle
     * @param signatures    how jar signatures are checked
     * @param trusted       the certificates a signer must chain to
     */
    public Policy(Set<String> deniedModules, SignatureMode signatures, Set<Certificate> trusted) {
        this(deniedModules, signatures, trusted, Set.of());
    }

    /**
     * A policy that only denies the named modules; signatures are not checked.
     *
     * @param deniedModules names of modules no plugin may require or bundle
     */
    public Policy(Set<String> deniedModules) {
        this(deniedModules, SignatureMode.OFF, Set.of());
    }

    /**
     * The policy that denies nothing and does not check signatures.
     *
     * @return the policy a host has unless its builder is given another
     */
    public static Policy permissive() {
        return new Policy(Set.of());
    }

    /**
     * A policy that denies the named modules.
     *
     * @param moduleNames names of modules no plugin may require or bundle
     * @return a policy that denies them, allows every service type and does not check signatures
     */
    public static Policy denying(Set<String> moduleNames) {
        return new Policy(moduleNames);
    }

    /**
     * This policy, checking signatures in {@code mode} against {@code trustedCertificates}.
     *
     * @param mode                how jar signatures are checked
     * @param trustedCertificates the certificates a signer must chain to ({@link TrustStore#load})
     * @return a new policy; this one is unchanged
     */
    public Policy withSignatures(SignatureMode mode, Set<Certificate> trustedCertificates) {
        return new Policy(deniedModules, mode, trustedCertificates, allowedServices);
    }

    /**
     * This policy, letting plugins provide only the API service types {@code serviceTypes} (binary names,
     * {@code com.example.api.Greeter}); an empty set allows every API service type again.
     *
     * @param serviceTypes the binary names of the service types plugins may provide
     * @return a new policy; this one is unchanged
     */
    public Policy withAllowedServices(Set<String> serviceTypes) {
        return new Policy(deniedModules, signatures, trusted, serviceTypes);
    }

    /**
     * Whether a plugin may provide the API service type {@code serviceType}.
     *
     * @param serviceType the binary name of a service type
     * @return whether no service types were named, or this is one of them
     */
    public boolean allowsService(String serviceType) {
        return allowedServices.isEmpty() || allowedServices.contains(serviceType);
    }
}

package dev.layerhost.core;

import java.util.Set;

/**
 * What the host refuses to load, whatever the plugins' descriptors say.
 *
 * @param deniedModules names of modules no plugin may require or bundle ({@code FORBIDDEN_MODULE})
 */
public record Policy(Set<String> deniedModules) {

    public Policy {
        deniedModules = Set.copyOf(deniedModules);
    }

    /** The policy that denies nothing. */
    public static Policy permissive() {
        return new Policy(Set.of());
    }

    /** A policy that denies the named modules. */
    public static Policy denying(Set<String> moduleNames) {
        return new Policy(moduleNames);
    }
}

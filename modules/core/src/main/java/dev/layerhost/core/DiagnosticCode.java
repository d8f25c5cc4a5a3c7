package dev.layerhost.core;

/**
 * The kinds of problem layerhost reports, as named in the public contract (SPEC.md). The names are
 * stable: scripts match on them.
 */
public enum DiagnosticCode {
    /** A jar that cannot be read: truncated, not a zip, or with a bad module-info. */
    INVALID_ARCHIVE,
    /** An entry whose modules provide no service type of the API layer. */
    NO_PROVIDER,
    /** Two entries hold a plugin with the same id. */
    DUPLICATE_PLUGIN,
    /** One entry holds two modules with the same name. */
    DUPLICATE_MODULE,
    /** A required module is in no entry, not in the API layer and not in the runtime. */
    MISSING_DEPENDENCY,
    /** A package is in two modules that one plugin's layer would read. */
    SPLIT_PACKAGE,
    /** A plugin would read two versions of one module, or a module's major version differs from the one it was compiled against. */
    VERSION_CONFLICT,
    /** Plugins (or modules of one plugin) that require each other. */
    DEPENDENCY_CYCLE,
    /** A plugin requires a plugin that was rejected. */
    DEPENDENCY_REJECTED,
    /** A plugin requires a module that the host's policy denies. */
    FORBIDDEN_MODULE,
    /** A module of a plugin's layer provides an API service type that the host's policy does not allow. */
    FORBIDDEN_SERVICE,
    /** A jar with no valid signature (an error under {@code --signatures require}, a warning under {@code warn}). */
    UNSIGNED,
    /** A jar signed, but by no certificate of the trust store (severity as {@link #UNSIGNED}). */
    UNTRUSTED_SIGNER,
    /** A signature that does not verify, or entries that no signature covers. */
    SIGNATURE_INVALID,
    /** A plugin or library without module-info; a warning. */
    AUTOMATIC_MODULE,
    /** A provider's constructor or static initializer threw while loading. */
    PROVIDER_FAILED,
    /**
     * A warning, beyond the contract's codes: a module of a parent layer exports a package to a plugin's
     * module only by a qualified export, which the JDK does not carry into a child layer.
     */
    INEFFECTIVE_EXPORT,
    /**
     * A provider that implements {@link AutoCloseable} threw from {@code close()} when its plugin stopped
     * serving (replaced, unloaded, or the host closed); a warning: the plugin's layer is dropped anyway.
     */
    CLOSE_FAILED;

    /**
     * Whether a diagnostic of this code may have {@code severity}: the signature codes are errors or
     * warnings as the signature mode says, {@code AUTOMATIC_MODULE} and {@code INEFFECTIVE_EXPORT} are
     * warnings, every other code is an error.
     *
     * @param severity a severity
     * @return whether a diagnostic of this code may have it
     */
    public boolean allows(Severity severity) {
        return switch (this) {
            case UNSIGNED, UNTRUSTED_SIGNER -> true;
            case AUTOMATIC_MODULE, INEFFECTIVE_EXPORT, CLOSE_FAILED -> severity == Severity.WARNING;
            default -> severity == Severity.ERROR;
        };
    }
}

package dev.layerhost.core;

/** How the host treats jar signatures ({@code --signatures}). */
public enum SignatureMode {
    /** Signatures are not looked at. */
    OFF,
    /** An unsigned jar, or one signed by no trusted certificate, is a WARNING; a broken signature an ERROR. */
    WARN,
    /** An unsigned jar, or one signed by no trusted certificate, is an ERROR, as is a broken signature. */
    REQUIRE
}
